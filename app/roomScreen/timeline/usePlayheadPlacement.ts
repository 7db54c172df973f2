'use client';

import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { RoomReplayState } from '@/lib/realtime/client/connectionTypes';
import type { Schedule } from '@/lib/replay/schedule';
import type { TimeScale } from '@/lib/timeline/compressedScale';
import { fitStory, followPlayhead, msAt, pxAt, widthMs, type StoryBounds, type Viewport } from '@/lib/timeline/viewport';
import { roomPlayheadMs, useAnimationFrame } from '../usePlayhead';
import type { ViewportUpdate } from './useViewportState';

/** While scrubbing, story time is sent at most this often: a presenter's seek goes to the server, which accepts about 10 controls a second. */
const SCRUB_SEND_INTERVAL_MS = 150;

interface PlacementOptions {
  replay: Pick<RoomReplayState, 'clock' | 'serverOffsetMs'>;
  schedule: Schedule;
  /** The viewer follows the room (not detached). */
  following: boolean;
  displayPositionMs: number | null;
  /** Scrubbing cannot go past this (a viewer cannot see ahead of the room). */
  scrubLimitMs: number;
  /** The story's span in story time... */
  storyBounds: StoryBounds;
  /** ...and on the axis of `scale`, where the viewport is. */
  bounds: StoryBounds;
  scale: TimeScale;
  plotRef: RefObject<HTMLElement | null>;
  widthPx: number;
  viewportRef: RefObject<Viewport>;
  setViewport(update: ViewportUpdate): void;
  moveTo(storyMs: number): void;
  setScrubbing(scrubbing: boolean): void;
}

export type ScrubPhase = 'move' | 'end';

/**
 * Places the playhead line, its handle and the overview's playhead by writing transforms through refs: on every
 * animation frame while following a playing room (no React render per frame, O(1) work), otherwise after each render.
 * Also keeps a followed playhead in view wherever it goes (followPlayhead: playing past the edge, a seek, a step, a
 * loop's restart), and turns a drag of the handle into story time (`scrubTo`).
 */
export function usePlayheadPlacement(options: PlacementOptions) {
  const { replay, schedule, following, displayPositionMs, scrubLimitMs, storyBounds, bounds, scale, plotRef, widthPx, viewportRef, setViewport, moveTo, setScrubbing } =
    options;
  const lineRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<HTMLDivElement>(null);
  const overviewPlayheadRef = useRef<HTMLDivElement>(null);
  const scrubMsRef = useRef<number | null>(null);
  const lastSentAtRef = useRef(-Infinity);
  /** Where the playhead was last seen (axis ms): the window follows it if it was in view there. */
  const lastSeenAxisMsRef = useRef<number | null>(null);
  /** The plot's left edge, measured once when a scrub starts: measuring on every move would force a layout each time. */
  const scrubPlotLeftRef = useRef<number | null>(null);

  /** Places the playhead at a story instant in the current window. */
  const placeAt = useCallback(
    (ms: number) => {
      const axisMs = scale.toAxis(ms);
      const x = pxAt(viewportRef.current, axisMs, widthPx);
      const side = x < 0 ? 'before' : x > widthPx ? 'after' : 'inside';
      const half = x > widthPx / 2 ? 'right' : 'left';
      const transform = `translateX(${Math.min(widthPx, Math.max(0, x))}px)`;
      for (const element of [lineRef.current, handleRef.current]) {
        if (!element) continue;
        element.style.transform = transform;
        if (element.dataset.side !== side) element.dataset.side = side;
        if (element.dataset.half !== half) element.dataset.half = half;
      }
      const overviewPlayhead = overviewPlayheadRef.current;
      if (overviewPlayhead) {
        const limits = fitStory(bounds);
        overviewPlayhead.style.left = `${((axisMs - limits.startMs) / widthMs(limits)) * 100}%`;
      }
    },
    [scale, viewportRef, widthPx, bounds],
  );

  /** Moves the window after the playhead (story ms) if the timeline follows it, then places it. Not while scrubbing. */
  const followAndPlace = useCallback(
    (ms: number) => {
      const axisMs = scale.toAxis(ms);
      const previousAxisMs = lastSeenAxisMsRef.current;
      lastSeenAxisMsRef.current = axisMs;
      if (previousAxisMs !== axisMs) setViewport((v) => followPlayhead(v, previousAxisMs, axisMs, bounds));
      placeAt(ms);
    },
    [scale, setViewport, bounds, placeAt],
  );

  const animating = following && replay.clock.status === 'playing';
  useAnimationFrame((localNowMs) => {
    if (scrubMsRef.current !== null) return;
    followAndPlace(roomPlayheadMs(replay, schedule, localNowMs));
  }, animating);

  // After every render (viewport, width or position changed, a seek or a step): O(1), so no dependency list is needed.
  useLayoutEffect(() => {
    if (scrubMsRef.current !== null) return;
    const ms = animating ? roomPlayheadMs(replay, schedule, Date.now()) : displayPositionMs;
    if (ms !== null) followAndPlace(ms);
  });

  const scrubTo = useCallback(
    (clientX: number, phase: ScrubPhase, timeStampMs: number) => {
      if (phase !== 'end' && scrubMsRef.current === null) setScrubbing(true);
      const plotLeftPx = scrubPlotLeftRef.current ?? plotRef.current?.getBoundingClientRect().left ?? 0;
      const rawMs = scale.toStory(msAt(viewportRef.current, clientX - plotLeftPx, widthPx));
      const ms = Math.min(scrubLimitMs, Math.max(storyBounds.startMs, rawMs));
      scrubMsRef.current = phase === 'end' ? null : ms;
      scrubPlotLeftRef.current = phase === 'end' ? null : plotLeftPx;
      placeAt(ms);
      if (phase === 'end' || timeStampMs - lastSentAtRef.current >= SCRUB_SEND_INTERVAL_MS) {
        lastSentAtRef.current = timeStampMs;
        moveTo(ms);
      }
      if (phase === 'end') setScrubbing(false);
    },
    [plotRef, viewportRef, widthPx, scrubLimitMs, storyBounds, scale, placeAt, moveTo, setScrubbing],
  );

  return { lineRef, handleRef, overviewPlayheadRef, scrubTo };
}
