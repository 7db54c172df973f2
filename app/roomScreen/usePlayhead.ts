'use client';

import { useEffect, useRef } from 'react';
import { playheadAt } from '@/lib/replay/playbackMachine';
import type { Schedule } from '@/lib/replay/schedule';
import type { RoomReplayState } from '@/lib/realtime/client/connectionTypes';

/** The room's playhead now, derived from its clock (no ticks on the wire). */
export function roomPlayheadMs(state: Pick<RoomReplayState, 'clock' | 'serverOffsetMs'>, schedule: Schedule, localNowMs: number): number {
  return playheadAt(state.clock, schedule, localNowMs + state.serverOffsetMs);
}

/** Calls `onFrame` on every animation frame while `active`. */
export function useAnimationFrame(onFrame: (localNowMs: number) => void, active: boolean): void {
  const callback = useRef(onFrame);
  useEffect(() => {
    callback.current = onFrame;
  });
  useEffect(() => {
    if (!active) return;
    let handle = 0;
    const loop = () => {
      callback.current(Date.now());
      handle = requestAnimationFrame(loop);
    };
    handle = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(handle);
  }, [active]);
}
