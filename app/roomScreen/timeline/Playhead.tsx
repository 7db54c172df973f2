'use client';

import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { formatDay } from '@/lib/events/formatStoryDate';
import type { ScrubPhase } from './usePlayheadPlacement';

interface PlayheadProps {
  lineRef: RefObject<HTMLDivElement | null>;
  handleRef: RefObject<HTMLDivElement | null>;
  positionMs: number | null;
  minMs: number;
  maxMs: number;
  scrubTo(clientX: number, phase: ScrubPhase, timeStampMs: number): void;
}

/**
 * The playhead: a line across the lanes and a handle on the axis. Their horizontal position is written through the
 * refs (usePlayheadPlacement); React renders only the slider's values. Dragging the handle scrubs story time; the
 * keyboard (arrows, Home, End) is handled by the timeline region around it.
 */
export function Playhead({ lineRef, handleRef, positionMs, minMs, maxMs, scrubTo }: PlayheadProps) {
  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.dataset.scrubbing = 'true';
    scrubTo(event.clientX, 'move', event.timeStamp);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    scrubTo(event.clientX, 'move', event.timeStamp);
  };
  const onPointerEnd = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    event.currentTarget.releasePointerCapture(event.pointerId);
    delete event.currentTarget.dataset.scrubbing;
    scrubTo(event.clientX, 'end', event.timeStamp);
  };
  const known = positionMs !== null;
  return (
    <>
      <div ref={lineRef} className="timeline-playhead-line" aria-hidden="true" hidden={!known} />
      <div
        ref={handleRef}
        className="timeline-playhead-handle"
        role="slider"
        tabIndex={0}
        aria-label="Story time"
        aria-valuemin={Math.round(minMs)}
        aria-valuemax={Math.round(maxMs)}
        aria-valuenow={known ? Math.round(positionMs) : undefined}
        aria-valuetext={known ? formatDay(positionMs) : 'unknown'}
        hidden={!known}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
      >
        <span className="timeline-playhead-knob" aria-hidden="true" />
        <span className="timeline-playhead-date" aria-hidden="true">
          {known ? formatDay(positionMs) : ''}
        </span>
      </div>
    </>
  );
}
