'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { storyKeyOf } from '@/lib/screen/viewerState';
import type { Viewport } from '@/lib/timeline/viewport';
import { selectWindow } from '../selectors';
import { useScreen, type ScreenData } from '../useScreen';
import { useViewerActions } from '../useViewerActions';

export type ViewportUpdate = Viewport | ((current: Viewport) => Viewport);

const selectStoryKey = (data: ScreenData) => (data.replay ? storyKeyOf(data.replay.scenarioId, data.replay.storyVersion) : '');

const sameViewport = (a: Viewport, b: Viewport) => a.startMs === b.startMs && a.endMs === b.endMs;

/**
 * The timeline's window: the viewer's own, kept in the viewer's state in the query cache (lib/screen/viewerState),
 * where the time charts read it too — one source of truth, written only here. A screen opens on its story's window
 * if it has one, else on `initial()` (written to the cache after the first render). A ref always holds the latest
 * value, so gesture handlers and animation frames read it without waiting for a render (the cache tells its readers
 * a microtask after a write). Returning the same object from an update, or an equal window, changes nothing.
 */
export function useViewportState(initial: () => Viewport) {
  const stored = useScreen(selectWindow);
  const story = useScreen(selectStoryKey);
  const [opening] = useState(() => stored ?? initial());
  const viewport: Viewport = stored ?? opening;
  const latest = useRef(viewport);
  const { setWindow } = useViewerActions();
  useLayoutEffect(() => {
    if (stored === null) setWindow({ startMs: latest.current.startMs, endMs: latest.current.endMs, story });
  }, [stored, story, setWindow]);
  const setViewport = useCallback(
    (update: ViewportUpdate) => {
      const next = typeof update === 'function' ? update(latest.current) : update;
      if (next === latest.current || sameViewport(next, latest.current)) return;
      latest.current = next;
      setWindow({ startMs: next.startMs, endMs: next.endMs, story });
    },
    [setWindow, story],
  );
  return { viewport, viewportRef: latest, setViewport };
}
