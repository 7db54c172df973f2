'use client';

import { useEffect, useRef, useState } from 'react';
import { playheadAt } from '@/lib/replay/replayClock';
import type { Schedule } from '@/lib/replay/schedule';
import type { RoomReplayState } from '@/lib/realtime/client/replayConnection';

/** The room's playhead now, derived from its clock (no ticks on the wire). */
export function roomPlayheadMs(state: RoomReplayState, schedule: Schedule, localNowMs: number): number {
  return playheadAt(state.clock, schedule, localNowMs + state.serverOffsetMs);
}

/**
 * The room's playhead, re-rendering at most every `stepMs` while the replay plays (charts and labels).
 * The timeline's playhead line follows animation frames separately (useAnimationFrame).
 */
export function usePlayheadMs(state: RoomReplayState | null | undefined, schedule: Schedule | undefined, stepMs = 250): number | null {
  const [now, setNow] = useState(() => Date.now());
  const playing = state?.clock.status === 'playing';
  useEffect(() => {
    const refresh = () => setNow(Date.now());
    const first = setTimeout(refresh, 0);
    const timer = playing ? setInterval(refresh, stepMs) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [playing, stepMs, state]);
  if (!state || !schedule) return null;
  return roomPlayheadMs(state, schedule, now);
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
