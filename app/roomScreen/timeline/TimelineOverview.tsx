'use client';

import { memo, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { EVENT_TYPES } from '@/lib/events/eventTypes';
import { formatDay } from '@/lib/events/formatStoryDate';
import type { TimeScale } from '@/lib/timeline/compressedScale';
import type { TimelineMark } from '@/lib/timeline/marks';
import { OverviewChunks, type OverviewChunk } from '@/lib/timeline/overviewChunks';
import { OVERVIEW_VIEWBOX_HEIGHT, OVERVIEW_VIEWBOX_WIDTH } from '@/lib/timeline/overviewPaths';
import { centreOn, fitStory, isInView, pan, widthMs, type StoryBounds, type Viewport } from '@/lib/timeline/viewport';
import type { ViewportUpdate } from './useViewportState';

/** Arrow keys on the window move it by this share of its width (Shift: a whole width). */
const KEY_PAN_FRACTION = 0.1;

interface OverviewProps {
  marks: readonly TimelineMark[];
  /** The story's axis: `bounds` and `viewport` are on it. */
  scale: TimeScale;
  bounds: StoryBounds;
  viewport: Viewport;
  setViewport(update: ViewportUpdate): void;
  playheadRef: RefObject<HTMLDivElement | null>;
}

/** One chunk of the overview's marks: one path per event type. Unchanged chunks do not render again. */
const OverviewChunkPaths = memo(function OverviewChunkPaths({ chunk }: { chunk: OverviewChunk }) {
  return (
    <>
      {EVENT_TYPES.map((type) => (
        <path key={type} d={chunk.paths[type] || undefined} stroke={`var(--type-${type})`} vectorEffect="non-scaling-stroke" />
      ))}
    </>
  );
});

/**
 * The whole story in a strip, on the same axis as the timeline (breaks included): every shown event as a tick or a
 * line in its lane's row, drawn in chunks so that a release redraws the last chunk only, and the visible window as a
 * rectangle. Pressing outside the window centres it there; dragging moves it; arrow keys move it when focused.
 */
export function TimelineOverview({ marks, scale, bounds, viewport, setViewport, playheadRef }: OverviewProps) {
  const limits = useMemo(() => fitStory(bounds), [bounds]);
  const [overview] = useState(() => new OverviewChunks());
  const chunks = useMemo(() => overview.chunks(marks, limits, scale), [overview, marks, limits, scale]);
  /** Axis ms between the window's start and the point grabbed, while dragging. */
  const grabOffsetMs = useRef<number | null>(null);
  const share = (ms: number) => ((ms - limits.startMs) / widthMs(limits)) * 100;

  const msAtPointer = (event: ReactPointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return limits.startMs + ((event.clientX - rect.left) / rect.width) * widthMs(limits);
  };
  const moveWindow = (event: ReactPointerEvent<HTMLDivElement>) => {
    const offset = grabOffsetMs.current;
    if (offset === null) return;
    const startMs = msAtPointer(event) - offset;
    setViewport((v) => pan(v, startMs - v.startMs, bounds));
  };
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const ms = msAtPointer(event);
    const inside = isInView(viewport, ms);
    if (!inside) setViewport((v) => centreOn(v, ms, bounds));
    grabOffsetMs.current = inside ? ms - viewport.startMs : widthMs(viewport) / 2;
  };
  const onPointerEnd = (event: ReactPointerEvent<HTMLDivElement>) => {
    grabOffsetMs.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const direction = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    if (direction === 0) return;
    event.preventDefault();
    event.stopPropagation();
    setViewport((v) => pan(v, direction * widthMs(v) * (event.shiftKey ? 1 : KEY_PAN_FRACTION), bounds));
  };

  return (
    <div
      className="timeline-overview"
      role="group"
      aria-label="Overview"
      onPointerDown={onPointerDown}
      onPointerMove={moveWindow}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
    >
      <svg className="timeline-overview-marks" viewBox={`0 0 ${OVERVIEW_VIEWBOX_WIDTH} ${OVERVIEW_VIEWBOX_HEIGHT}`} preserveAspectRatio="none" aria-hidden="true">
        {chunks.map((chunk, index) => (
          <OverviewChunkPaths key={index} chunk={chunk} />
        ))}
      </svg>
      {scale.breaks.map((b) => (
        <div
          key={b.fromMs}
          className="timeline-overview-break"
          aria-hidden="true"
          title={b.label}
          style={{ left: `${share(b.axisFromMs)}%`, width: `${share(b.axisToMs) - share(b.axisFromMs)}%` }}
        />
      ))}
      <div ref={playheadRef} className="timeline-overview-playhead" aria-hidden="true" />
      <div
        className="timeline-overview-window"
        style={{ left: `${share(viewport.startMs)}%`, width: `${share(viewport.endMs) - share(viewport.startMs)}%` }}
        role="slider"
        tabIndex={0}
        aria-label="Visible window"
        aria-valuemin={Math.round(scale.toStory(limits.startMs))}
        aria-valuemax={Math.round(scale.toStory(limits.endMs))}
        aria-valuenow={Math.round(scale.toStory(viewport.startMs))}
        aria-valuetext={`${formatDay(scale.toStory(viewport.startMs))} to ${formatDay(scale.toStory(viewport.endMs))}`}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
