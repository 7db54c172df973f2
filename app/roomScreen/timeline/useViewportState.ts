'use client';

import { useCallback, useRef, useState } from 'react';
import type { Viewport } from '@/lib/timeline/viewport';

export type ViewportUpdate = Viewport | ((current: Viewport) => Viewport);

/**
 * The viewport as React state plus a ref that always holds the latest value, so gesture handlers and animation
 * frames read it without waiting for a render. Returning the same object from an update changes nothing.
 */
export function useViewportState(initial: () => Viewport) {
  const [viewport, setState] = useState(initial);
  const latest = useRef(viewport);
  const setViewport = useCallback((update: ViewportUpdate) => {
    const next = typeof update === 'function' ? update(latest.current) : update;
    if (next === latest.current) return;
    latest.current = next;
    setState(next);
  }, []);
  return { viewport, viewportRef: latest, setViewport };
}
