'use client';

import { memo, useMemo } from 'react';
import { breaksIn, type TimeScale } from '@/lib/timeline/compressedScale';
import { generateTicks } from '@/lib/timeline/ticks';
import { pxAt, type Viewport } from '@/lib/timeline/viewport';

/**
 * A tick label takes about this much room right of its line: a tick closer than this to the right edge, or to the
 * start of a break (the last tick before a cut), keeps its line but not its label, which would be cut off or run into
 * the break.
 */
const TICK_LABEL_ROOM_PX = 44;

interface AxisProps {
  viewport: Viewport;
  widthPx: number;
  scale: TimeScale;
}

/** Tick labels along the top of the plot and their grid lines down through the lanes (UTC), one run per piece between breaks. */
export const TimeAxis = memo(function TimeAxis({ viewport, widthPx, scale }: AxisProps) {
  const { step, ticks } = useMemo(() => generateTicks(viewport, widthPx, scale), [viewport, widthPx, scale]);
  const breaksPx = useMemo(
    () => breaksIn(scale, viewport).map((b) => ({ leftPx: pxAt(viewport, b.axisFromMs, widthPx), rightPx: pxAt(viewport, b.axisToMs, widthPx) })),
    [scale, viewport, widthPx],
  );
  return (
    <div className="timeline-axis" aria-hidden="true" data-tick-unit={step.unit}>
      {ticks.map((tick) => {
        const x = pxAt(viewport, tick.axisMs, widthPx);
        const labelled = x <= widthPx - TICK_LABEL_ROOM_PX && !breaksPx.some(({ leftPx, rightPx }) => x < rightPx && x + TICK_LABEL_ROOM_PX > leftPx);
        return (
          <div key={tick.ms} className={tick.major ? 'timeline-tick timeline-tick-major' : 'timeline-tick'} style={{ transform: `translateX(${x}px)` }}>
            {labelled && <span className="timeline-tick-label">{tick.label}</span>}
          </div>
        );
      })}
    </div>
  );
});

/** A zigzag from top to bottom of its box (stretched), two strokes side by side: the classic "axis break" symbol. */
const ZIGZAG_TEETH = 12;
const zigzagPath = (offsetX: number) =>
  `M${offsetX + 2} 0` + Array.from({ length: ZIGZAG_TEETH }, (_, i) => `L${offsetX + (i % 2 === 0 ? 6 : 2)} ${((i + 1) * 100) / ZIGZAG_TEETH}`).join('');
const ZIGZAG_D = `${zigzagPath(0)}${zigzagPath(5)}`;

/**
 * The breaks of the axis that show in the viewport: a band over the cut-out stretch with a double zigzag, across the
 * axis and the lanes, each named for assistive technology ("gap: 3 years without events (…)").
 */
export const AxisBreaks = memo(function AxisBreaks({ viewport, widthPx, scale }: AxisProps) {
  const shown = useMemo(() => breaksIn(scale, viewport), [scale, viewport]);
  return (
    <>
      {shown.map((b) => {
        const leftPx = pxAt(viewport, b.axisFromMs, widthPx);
        const rightPx = pxAt(viewport, b.axisToMs, widthPx);
        return (
          <div
            key={b.fromMs}
            className="timeline-break"
            role="img"
            aria-label={b.label}
            title={b.label}
            data-from-ms={b.fromMs}
            data-to-ms={b.toMs}
            style={{ transform: `translateX(${leftPx}px)`, width: `${Math.max(0, rightPx - leftPx)}px` }}
          >
            <svg className="timeline-break-zigzag" viewBox="0 0 11 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <path d={ZIGZAG_D} vectorEffect="non-scaling-stroke" />
            </svg>
          </div>
        );
      })}
    </>
  );
});
