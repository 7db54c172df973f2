'use client';

import { memo, useMemo } from 'react';
import { generateTicks } from '@/lib/timeline/ticks';
import { pxAt, type Viewport } from '@/lib/timeline/viewport';

/** A tick closer than this to the right edge keeps its line but not its label, which would be cut off. */
const TICK_LABEL_ROOM_PX = 44;

/** Tick labels along the top of the plot and their grid lines down through the lanes (UTC). */
export const TimeAxis = memo(function TimeAxis({ viewport, widthPx }: { viewport: Viewport; widthPx: number }) {
  const { step, ticks } = useMemo(() => generateTicks(viewport, widthPx), [viewport, widthPx]);
  return (
    <div className="timeline-axis" aria-hidden="true" data-tick-unit={step.unit}>
      {ticks.map((tick) => {
        const x = pxAt(viewport, tick.ms, widthPx);
        return (
          <div key={tick.ms} className={tick.major ? 'timeline-tick timeline-tick-major' : 'timeline-tick'} style={{ transform: `translateX(${x}px)` }}>
            {x <= widthPx - TICK_LABEL_ROOM_PX && <span className="timeline-tick-label">{tick.label}</span>}
          </div>
        );
      })}
    </div>
  );
});
