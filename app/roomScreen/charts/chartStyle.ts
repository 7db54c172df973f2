import { type EventType } from '@/lib/events/eventTypes';
import type { ActivityKind } from '@/lib/charts/activityKind';
import type { CustomScaleDefinition } from 'recharts';
import { binnedAxisTicks, storyTimePixelScale, type ChartTimeAxis } from '@/lib/charts/chartTimeAxis';
import type { BinPlan } from '@/lib/charts/timeBins';
import { TIMELINE_COLUMN_GAP_PX, TIMELINE_LABEL_WIDTH_PX } from '../timeline/cssVars';

/** Series colours: the colour-blind-safe palette of globals.css. */
export const EVENT_TYPE_FILLS: Record<EventType, string> = {
  strike: 'var(--type-strike)',
  meeting: 'var(--type-meeting)',
  statement: 'var(--type-statement)',
  proposal: 'var(--type-proposal)',
  claim: 'var(--type-claim)',
  background: 'var(--type-background)',
};

export const ACTIVITY_FILLS: Record<ActivityKind, string> = {
  kinetic: 'var(--type-strike)',
  diplomatic: 'var(--type-meeting)',
};

export const TIME_CHART_HEIGHT_PX = 240;
export const ACTOR_ROW_HEIGHT_PX = 30;
export const ACTOR_AXIS_WIDTH_PX = 190;

export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };
export const GRID_STROKE = 'var(--border)';
export const TOOLTIP_CURSOR = { fill: 'var(--border)', fillOpacity: 0.35 };

/** The playhead on a time axis: where this screen stands in story time. */
export function playheadLineProps(playheadMs: number, axis: ChartTimeAxis) {
  return {
    x: playheadMs,
    stroke: 'var(--text)',
    strokeDasharray: '4 3',
    // Outside the chart's domain the line is not drawn: the axis never moves to reach it.
    ifOverflow: 'hidden',
    // The plot reaches the chart's right edge (it stands under the timeline's): near it, the label goes left of the line.
    label: { value: 'Playhead', position: nearRightEdge(playheadMs, axis) ? 'insideTopRight' : 'top', fill: 'var(--muted)', fontSize: 11 },
  } as const;
}

/** The last share of a time chart's width where a label right of (or centred on) an instant would be cut off. */
const RIGHT_EDGE_SHARE = 0.92;

/** Whether the story instant `ms` is drawn in the last few percent of the axis (on the story's scale). */
export function nearRightEdge(ms: number, axis: ChartTimeAxis): boolean {
  const startMs = axis.scale.toAxis(axis.startMs);
  return (axis.scale.toAxis(ms) - startMs) / (axis.scale.toAxis(axis.endMs) - startMs) > RIGHT_EDGE_SHARE;
}

const NO_BINS: BinPlan = { unit: 'day', unitsPerBin: 1, bins: [] };

/**
 * The x axis of a time chart over its window (`axis`: the timeline's window and the story's scale, see
 * lib/charts/chartTimeAxis): numeric story time drawn through the story's scale, so the breaks of the timeline are
 * the chart's too, and data outside the window clipped (`allowDataOverflow`). Ticks on calendar boundaries, each at
 * the middle of the bin of `plan` that holds it (where a bar stands). They are chosen here rather than by recharts
 * (`interval: 0`), which would measure every label's text at every redraw. Made once per plan and window.
 */
export function timeAxisProps(plan: BinPlan | null, axis: ChartTimeAxis) {
  let byPlan = timeAxisCache.get(axis);
  if (!byPlan) timeAxisCache.set(axis, (byPlan = new Map()));
  const key = plan ?? NO_BINS;
  let props = byPlan.get(key);
  if (!props) byPlan.set(key, (props = makeTimeAxisProps(key, axis)));
  return props;
}

function makeTimeAxisProps(plan: BinPlan, axis: ChartTimeAxis) {
  const { ticksMs, labelAt } = binnedAxisTicks(plan, axis);
  return {
    type: 'number',
    domain: [axis.startMs, axis.endMs],
    allowDataOverflow: true,
    scale: storyTimePixelScale(axis.scale) as unknown as CustomScaleDefinition<number>,
    ticks: ticksMs,
    tickFormatter: (ms: number) => labelAt.get(ms) ?? '',
    interval: 0,
    tick: AXIS_TICK,
    stroke: GRID_STROKE,
  } as const;
}

const timeAxisCache = new WeakMap<ChartTimeAxis, Map<BinPlan, ReturnType<typeof makeTimeAxisProps>>>();

/**
 * The time charts' plot spans the timeline's plot (same left and right edges, see globals.css `.chart-time`): the
 * count axis takes the width of the timeline's lane labels and the gap after them; nothing is left on the right.
 */
export const TIME_CHART_MARGIN = { top: 20, right: 0, bottom: 0, left: 0 };
export const TIME_COUNT_AXIS_WIDTH_PX = TIMELINE_LABEL_WIDTH_PX + TIMELINE_COLUMN_GAP_PX;

/** Counts: recharts' few round ticks never collide, so they are not measured (`interval: 0`). */
export const COUNT_AXIS_PROPS = { allowDecimals: false, width: TIME_COUNT_AXIS_WIDTH_PX, tick: AXIS_TICK, stroke: GRID_STROKE, interval: 0 } as const;

/**
 * A count axis from 0 to the story's largest value (at least 1): it stays put while events are revealed, so a
 * release redraws the bars it changes and not the axis. Cached per value, so the axis gets the same array each time.
 */
const countDomains = new Map<number, readonly [number, number]>();
export function fixedCountDomain(maxCount: number): [number, number] {
  const top = Math.max(1, maxCount);
  let domain = countDomains.get(top);
  if (!domain) countDomains.set(top, (domain = [0, top] as const));
  return domain as [number, number];
}
