import type { CSSProperties } from 'react';
import { MS_PER_HOUR } from '@/lib/events/calendar';
import { MARK_SIZE_PX, MARK_TAIL_WIDTH_PX, MIN_SPAN_WIDTH_PX, ROW_GAP_PX, ROW_HEIGHT_PX, ROWS_PER_LANE } from '@/lib/timeline/laneLayout';
import { widthMs, type Viewport } from '@/lib/timeline/viewport';

/** Inline styles that set CSS custom properties. */
export type StyleWithVars = CSSProperties & Record<`--${string}`, string | number>;

/**
 * Marks are placed by the stylesheet from axis hours (axis time, see compressedScale) counted from an origin (the
 * story's start on the axis), so a pan or a zoom changes two variables on the lanes instead of re-rendering every
 * mark. The sizes come from laneLayout, which packs the rows with the same numbers.
 */
export function axisHours(axisMs: number, originAxisMs: number): number {
  return (axisMs - originAxisMs) / MS_PER_HOUR;
}

export function lanesStyle(viewport: Viewport, widthPx: number, originAxisMs: number): StyleWithVars {
  return {
    '--view-start-h': axisHours(viewport.startMs, originAxisMs),
    '--px-per-h': (widthPx * MS_PER_HOUR) / widthMs(viewport),
  };
}

/** The lane labels' column left of the plot, and the gap between it and the plot: the time charts leave the same room. */
export const TIMELINE_LABEL_WIDTH_PX = 120;
export const TIMELINE_COLUMN_GAP_PX = 8;

export const TIMELINE_SIZE_VARS: StyleWithVars = {
  '--timeline-label-width': `${TIMELINE_LABEL_WIDTH_PX}px`,
  '--timeline-column-gap': `${TIMELINE_COLUMN_GAP_PX}px`,
  '--timeline-mark-size': `${MARK_SIZE_PX}px`,
  '--timeline-min-span': `${MIN_SPAN_WIDTH_PX}px`,
  '--timeline-tail': `${MARK_TAIL_WIDTH_PX}px`,
  '--timeline-row-height': `${ROW_HEIGHT_PX}px`,
  '--timeline-lane-height': `${ROWS_PER_LANE * ROW_HEIGHT_PX + 2 * ROW_GAP_PX}px`,
  '--timeline-row-gap': `${ROW_GAP_PX}px`,
};
