'use client';

import { useCallback, useEffect, useState } from 'react';

const storageKey = (roomId: string) => `sitrep:briefing-started:${roomId}`;

function readStart(roomId: string): number | null {
  try {
    const stored = Number(window.localStorage.getItem(storageKey(roomId)));
    return Number.isFinite(stored) && stored > 0 ? stored : null;
  } catch {
    return null;
  }
}

/**
 * When this briefing started (the first play or the first moment), kept in the browser so a reload keeps counting.
 * Mounted in the browser only (the presenter view renders after the URL fragment is read).
 */
export function useBriefingStart(roomId: string) {
  const [startedAtMs, setStartedAtMs] = useState<number | null>(() => readStart(roomId));
  const markStarted = useCallback(() => {
    if (startedAtMs !== null) return;
    const now = Date.now();
    try {
      window.localStorage.setItem(storageKey(roomId), String(now));
    } catch {
      // storage unavailable (private mode): the clock still runs until the page is closed
    }
    setStartedAtMs(now);
  }, [roomId, startedAtMs]);
  return { startedAtMs, markStarted };
}

/** The wall clock, refreshed every `intervalMs`. */
export function useNowMs(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
