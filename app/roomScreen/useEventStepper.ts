'use client';

import { useCallback } from 'react';
import { MS_PER_DAY } from '@/lib/events/calendar';
import { stepTarget } from '@/lib/replay/schedule';
import { useRoomIdentity } from './roomIdentity';
import { useDisplayPositionMs, useRoomPlayheadMs, useScreen, type ScreenData } from './useScreen';
import { useViewerActions } from './useViewerActions';

export type StepDirection = 'next' | 'previous';

const stepperInputs = (data: ScreenData) => ({ schedule: data.schedule, clock: data.replay?.clock });

/**
 * Moves between events. A presenter steps the room; a viewer moves a private position among the events already
 * released (the same step rule as the room's, lib/replay/schedule#stepTarget). `byDay` moves one day instead; `edge`
 * jumps to the start or to the room's position.
 */
export function useEventStepper() {
  const { isPresenter } = useRoomIdentity();
  const { schedule, clock } = useScreen(stepperInputs);
  const displayPositionMs = useDisplayPositionMs();
  const roomPlayheadMs = useRoomPlayheadMs();
  const { controls, moveTo, backToLive } = useViewerActions();
  return useCallback(
    (direction: StepDirection, unit: 'event' | 'day' | 'edge' = 'event') => {
      if (!schedule || !clock || displayPositionMs === null) return;
      if (unit === 'day') {
        moveTo(displayPositionMs + (direction === 'next' ? MS_PER_DAY : -MS_PER_DAY));
        return;
      }
      if (unit === 'edge') {
        if (direction === 'previous') moveTo(clock.startMs);
        else if (isPresenter) moveTo(clock.endMs);
        else backToLive();
        return;
      }
      if (isPresenter) {
        void controls.step(direction);
        return;
      }
      const target = stepTarget(schedule, displayPositionMs, direction);
      // A viewer never steps past the room: the next event not yet released means back to live.
      if (direction === 'next' && (target === undefined || target > (roomPlayheadMs ?? displayPositionMs))) backToLive();
      else if (target !== undefined) moveTo(target);
    },
    [isPresenter, controls, schedule, clock, displayPositionMs, roomPlayheadMs, moveTo, backToLive],
  );
}
