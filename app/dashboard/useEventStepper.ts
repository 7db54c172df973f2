'use client';

import { useCallback } from 'react';
import { MS_PER_DAY } from '@/lib/events/calendar';
import { nextAnchorAfter, previousAnchorBefore, upperBound } from '@/lib/replay/schedule';
import { useDashboard } from './DashboardContext';

export type StepDirection = 'next' | 'previous';

/**
 * Moves between events. A presenter steps the room; a viewer moves a private position among the events already
 * released. `byDay` moves one day instead; `edge` jumps to the start or to the room's position.
 */
export function useEventStepper() {
  const { isPresenter, controls, schedule, replay, displayPositionMs, roomPlayheadMs, moveTo, backToLive } = useDashboard();
  return useCallback(
    (direction: StepDirection, unit: 'event' | 'day' | 'edge' = 'event') => {
      if (!schedule || !replay || displayPositionMs === null) return;
      if (unit === 'day') {
        moveTo(displayPositionMs + (direction === 'next' ? MS_PER_DAY : -MS_PER_DAY));
        return;
      }
      if (unit === 'edge') {
        if (direction === 'previous') moveTo(replay.clock.startMs);
        else if (isPresenter) moveTo(replay.clock.endMs);
        else backToLive();
        return;
      }
      if (isPresenter) {
        void controls.step(direction);
        return;
      }
      if (direction === 'next') {
        const next = nextAnchorAfter(schedule, displayPositionMs);
        const limit = roomPlayheadMs ?? displayPositionMs;
        if (next !== undefined && next <= limit) moveTo(next);
        else backToLive();
        return;
      }
      const index = upperBound(schedule.anchorsMs, displayPositionMs) - 1;
      const current = index >= 0 ? schedule.anchorsMs[index] : undefined;
      const previous = previousAnchorBefore(schedule, current ?? displayPositionMs);
      if (previous !== undefined) moveTo(previous);
    },
    [isPresenter, controls, schedule, replay, displayPositionMs, roomPlayheadMs, moveTo, backToLive],
  );
}
