'use client';

import { useEffect, useState } from 'react';

/**
 * The time charts follow the timeline's window once it has been still this long: a redraw of a recharts chart takes
 * tens of milliseconds, more than a frame, so the charts do not redraw at every frame of a pan or a zoom.
 */
export const WINDOW_REST_MS = 120;

/** `value` once it has stayed the same for `restMs` (the first value at once). */
export function useSettled<T>(value: T, restMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const timer = setTimeout(() => setSettled(value), restMs);
    return () => clearTimeout(timer);
  }, [value, settled, restMs]);
  return settled;
}
