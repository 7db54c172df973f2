import { type EventType } from '@/lib/events/eventTypes';
import type { ActivityKind } from '@/lib/charts/activityKind';
import { formatBinTick } from '@/lib/charts/binLabels';
import { binIndexOf, type BinPlan } from '@/lib/charts/timeBins';
import { timeTicks } from '@/lib/charts/timeTicks';

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
export const MAX_BAR_WIDTH_PX = 40;

export const CHART_MARGIN = { top: 20, right: 28, bottom: 0, left: 0 };
export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };
export const GRID_STROKE = 'var(--border)';
export const TOOLTIP_CURSOR = { fill: 'var(--border)', fillOpacity: 0.35 };

/** The playhead on a time axis: where this screen stands in story time. */
export function playheadLineProps(playheadMs: number) {
  return {
    x: playheadMs,
    stroke: 'var(--text)',
    strokeDasharray: '4 3',
    // Outside the chart's domain the line is not drawn: the axis never moves to reach it.
    ifOverflow: 'hidden',
    label: { value: 'Playhead', position: 'top', fill: 'var(--muted)', fontSize: 11 },
  } as const;
}

/**
 * A numeric time axis, each bar standing at the middle of its bin, with ticks on calendar boundaries (timeTicks: at
 * most MAX_TIME_TICKS days, Mondays, months or years), each at the middle of the bin that holds it. The ticks are
 * chosen here rather than by recharts (`interval: 0`), which would measure every label's text at every redraw.
 */
export function binnedTimeAxisProps(plan: BinPlan) {
  let props = timeAxisCache.get(plan);
  if (!props) timeAxisCache.set(plan, (props = makeBinnedTimeAxisProps(plan)));
  return props;
}

function makeBinnedTimeAxisProps(plan: BinPlan) {
  const first = plan.bins[0];
  const last = plan.bins[plan.bins.length - 1];
  const ticks = timeTicks(first?.startMs ?? 0, (last?.endMs ?? 1) - 1);
  const labelAtMid = new Map<number, string>();
  for (const ms of ticks.ticksMs) {
    const bin = plan.bins[binIndexOf(plan, ms)];
    if (bin && !labelAtMid.has(bin.midMs)) labelAtMid.set(bin.midMs, formatBinTick(ms, ticks.plan));
  }
  return {
    type: 'number',
    dataKey: 'midMs',
    domain: [first?.startMs ?? 0, last?.endMs ?? 0],
    ticks: [...labelAtMid.keys()],
    tickFormatter: (midMs: number) => labelAtMid.get(midMs) ?? '',
    interval: 0,
    tick: AXIS_TICK,
    stroke: GRID_STROKE,
  } as const;
}

/** A plan's axis props, made once: the bins are fixed for a story, so the axis gets the same props at every reveal. */
const timeAxisCache = new WeakMap<BinPlan, ReturnType<typeof makeBinnedTimeAxisProps>>();

/** Counts: recharts' few round ticks never collide, so they are not measured (`interval: 0`). */
export const COUNT_AXIS_PROPS = { allowDecimals: false, width: 36, tick: AXIS_TICK, stroke: GRID_STROKE, interval: 0 } as const;

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
