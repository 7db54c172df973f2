'use client';

import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Moment } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import { useDeckQuery } from '@/lib/queries/deckQueries';
import type { Presentation } from '@/lib/replay/presentation';
import { positionOf } from '@/lib/screen/screenView';
import { useRoomIdentity } from '../roomScreen/roomIdentity';
import { useScreen, type ScreenData } from '../roomScreen/useScreen';
import { useViewerActions } from '../roomScreen/useViewerActions';
import { momentIndexOf, stageEventId } from './presenterNavigation';
import { useBriefingStart } from './useBriefingStart';
import { useFullscreen } from './useFullscreen';
import { usePresentation } from './usePresentation';
import { usePresentationSync } from './usePresentationSync';
import { usePresenterActions, type PresenterActions } from './usePresenterActions';
import { useKeyInUrl } from './useKeyInUrl';

export interface PresenterModel {
  presenterKey: string;
  /** The room's story and clock are known. */
  ready: boolean;
  presentation: Presentation;
  moments: readonly Moment[];
  /** The presented moment's index in the deck, or -1. */
  momentIndex: number;
  /** The event on the stage: the presented one, else the latest released. */
  stageEvent: StoryEvent | undefined;
  actions: PresenterActions;
  isFullscreen: boolean;
  toggleFullscreen(): void;
  /** The side panel is hidden while projecting: in full screen, or when the presenter hides it. */
  isProjecting: boolean;
  panelHidden: boolean;
  setPanelHidden(hidden: boolean): void;
  helpOpen: boolean;
  setHelpOpen(open: boolean): void;
  startedAtMs: number | null;
  /** The outcome of the last action, for a polite status line. */
  message: string;
}

const PresenterContext = createContext<PresenterModel | null>(null);

export function usePresenter(): PresenterModel {
  const model = useContext(PresenterContext);
  if (!model) throw new Error('usePresenter must be used inside <PresenterProvider>');
  return model;
}

const presenterInputs = (data: ScreenData) => ({
  ready: data.view.ready,
  roomPresentation: data.replay?.presentation,
  events: data.schedule?.events,
  latestReleased: data.schedule?.events[data.view.releasedCount - 1],
});

/** The presenter's view of the room: its presentation, its deck, and what the keys and buttons do. */
export function PresenterProvider({ presenterKey, children }: { presenterKey: string; children: ReactNode }) {
  const { roomId } = useRoomIdentity();
  const { ready, roomPresentation, events, latestReleased } = useScreen(presenterInputs);
  const { controls } = useViewerActions();
  const { presentation, show } = usePresentation(roomPresentation, controls);
  usePresentationSync(ready, presentation, show);
  useKeyInUrl(presenterKey);
  const moments = useDeckQuery(roomId, presenterKey).data?.moments ?? NO_MOMENTS;
  const momentIndex = momentIndexOf(moments, presentation.momentId);
  const [message, say] = useState('');
  const { startedAtMs, markStarted } = useBriefingStart(roomId);
  const actions = usePresenterActions({ presentation, show, moments, momentIndex, markStarted, say });
  const { isFullscreen, toggle: toggleFullscreen } = useFullscreen(say);
  const [panelHidden, setPanelHidden] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);

  const stageId = stageEventId(presentation, latestReleased);
  const stagePosition = stageId === null || !events ? undefined : positionOf(events, stageId);
  const stageEvent = stagePosition === undefined ? undefined : events?.[stagePosition];

  const model: PresenterModel = {
    presenterKey,
    ready,
    presentation,
    moments,
    momentIndex,
    stageEvent,
    actions,
    isFullscreen,
    toggleFullscreen,
    isProjecting: isFullscreen || panelHidden,
    panelHidden,
    setPanelHidden,
    helpOpen,
    setHelpOpen,
    startedAtMs,
    message,
  };
  return <PresenterContext.Provider value={model}>{children}</PresenterContext.Provider>;
}

const NO_MOMENTS: readonly Moment[] = [];
