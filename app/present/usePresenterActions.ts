'use client';

import { CHART_LABELS, type ChartId } from '@/lib/charts/chartIds';
import { useCallback } from 'react';
import type { Moment } from '@/lib/decks/deckSchema';
import type { ControlAck } from '@/lib/realtime/protocol';
import type { Presentation } from '@/lib/replay/presentation';
import { selectPlaying } from '../roomScreen/selectors';
import { useScreen } from '../roomScreen/useScreen';
import { useViewerActions } from '../roomScreen/useViewerActions';
import { nextTarget, previousTarget, type NavigationTarget } from './presenterNavigation';

export interface PresenterActions {
  next(): void;
  previous(): void;
  togglePlay(): void;
  chooseChart(chart: ChartId): void;
  toggleBlank(): void;
  goToMoment(moment: Moment): void;
  /** Moves the room to the next or previous event, leaving the deck's moments (the stage follows the room). */
  stepEvent(direction: 'next' | 'previous'): void;
}

interface ActionInputs {
  presentation: Presentation;
  show(next: Presentation): Promise<ControlAck>;
  moments: readonly Moment[];
  momentIndex: number;
  /** Starts the briefing's elapsed-time clock (first play, first moment). */
  markStarted(): void;
  /** A short status line for the presenter ("End of the deck", a refused command). */
  say(message: string): void;
}

const STEP_REFUSALS: Record<'next' | 'previous', string> = { next: 'This is the last event of the story.', previous: 'This is the first event of the story.' };

/** What the presenter's keys and buttons do to the room. */
export function usePresenterActions({ presentation, show, moments, momentIndex, markStarted, say }: ActionInputs): PresenterActions {
  const playing = useScreen(selectPlaying);
  const { controls, moveTo } = useViewerActions();

  const present = useCallback(
    async (next: Presentation, what: string) => {
      const ack = await show(next);
      if (ack.ok) say(what);
      else say(`The room did not take the change: ${ack.error.message}`);
    },
    [show, say],
  );

  const goToMoment = useCallback(
    (moment: Moment) => {
      markStarted();
      moveTo(moment.storyMs);
      const index = moments.findIndex((candidate) => candidate.id === moment.id);
      const next = { momentId: moment.id, eventId: moment.eventId ?? null, chart: moment.chart, filter: moment.filter, blank: presentation.blank };
      void present(next, `Moment ${index + 1} of ${moments.length}`);
    },
    [markStarted, moveTo, moments, presentation.blank, present],
  );

  const stepEvent = useCallback(
    async (direction: 'next' | 'previous') => {
      const ack = await controls.step(direction);
      if (!ack.ok) {
        say(ack.error.code === 'no_event' ? STEP_REFUSALS[direction] : `The room did not move: ${ack.error.message}`);
        return;
      }
      if (presentation.eventId !== null || presentation.momentId !== null) {
        void present({ ...presentation, momentId: null, eventId: null }, direction === 'next' ? 'Next event' : 'Previous event');
      } else say(direction === 'next' ? 'Next event' : 'Previous event');
    },
    [controls, presentation, present, say],
  );

  const follow = useCallback(
    (target: NavigationTarget, direction: 'next' | 'previous') => {
      if (target.kind === 'moment') goToMoment(target.moment);
      else if (target.kind === 'event') void stepEvent(direction);
      else say(direction === 'next' ? 'End of the deck.' : 'This is the first moment of the deck.');
    },
    [goToMoment, stepEvent, say],
  );

  return {
    next: () => follow(nextTarget(moments, momentIndex), 'next'),
    previous: () => follow(previousTarget(moments, momentIndex), 'previous'),
    togglePlay: () => {
      if (!playing) markStarted();
      void (playing ? controls.pause() : controls.play());
    },
    chooseChart: (chart) => void present({ ...presentation, chart }, `Chart: ${CHART_LABELS[chart]}`),
    toggleBlank: () =>
      void present({ ...presentation, blank: !presentation.blank }, presentation.blank ? 'The audience sees the briefing again.' : 'The audience’s screens are blank.'),
    goToMoment,
    stepEvent: (direction) => void stepEvent(direction),
  };
}
