import { LINEAR_TIME_SCALE, toStoryWindow, type TimeScale, type TimeWindow } from '../timeline/compressedScale';
import { formatBinTick } from './binLabels';
import { binIndexOf, type BinPlan } from './timeBins';
import { timeTicks } from './timeTicks';

/**
 * The time axis of a time chart: the stretch of story time it shows (the timeline's window, so that a bar stands
 * under the timeline's marks of its bin) and the story's time scale (compressedScale: long empty stretches cut
 * short, the same breaks as the timeline's). Story instants go to the screen as on the timeline: through
 * `scale.toAxis`, then linearly from the window's start to its end.
 */
export interface ChartTimeAxis {
  /** Story time (UTC epoch ms), `endMs` > `startMs`. */
  startMs: number;
  endMs: number;
  scale: TimeScale;
}

/** The axis of a chart over the timeline's window (axis time of `scale`), or over its own bins when there is none. */
export function chartTimeAxis(scale: TimeScale, axisWindow: TimeWindow | null, plan: BinPlan): ChartTimeAxis {
  if (axisWindow) return { ...toStoryWindow(scale, axisWindow), scale };
  const first = plan.bins[0];
  const last = plan.bins[plan.bins.length - 1];
  return { startMs: first?.startMs ?? 0, endMs: last?.endMs ?? 1, scale: LINEAR_TIME_SCALE };
}

/** A continuous scale for a chart library (d3's shape: callable, `domain`, `range`, `copy`, `invert`, `ticks`). */
export interface ContinuousScale {
  (value: number): number;
  domain(): number[];
  domain(domain: readonly number[]): ContinuousScale;
  range(): number[];
  range(range: readonly number[]): ContinuousScale;
  copy(): ContinuousScale;
  invert(px: number): number;
  ticks(count?: number): number[];
}

/**
 * The chart's x scale: story time in its domain, through the story's time scale, linear to its range. Immutable in
 * effect: setting the domain or the range returns a new scale.
 */
export function storyTimePixelScale(scale: TimeScale, domain: readonly number[] = [0, 1], range: readonly number[] = [0, 1]): ContinuousScale {
  const [d0 = 0, d1 = 1] = domain;
  const [r0 = 0, r1 = 1] = range;
  const a0 = scale.toAxis(d0);
  const spanAxis = scale.toAxis(d1) - a0 || 1;
  const map = (value: number) => r0 + ((scale.toAxis(value) - a0) * (r1 - r0)) / spanAxis;
  function domainOf(): number[];
  function domainOf(next: readonly number[]): ContinuousScale;
  function domainOf(next?: readonly number[]) {
    return next ? storyTimePixelScale(scale, next, range) : [d0, d1];
  }
  function rangeOf(): number[];
  function rangeOf(next: readonly number[]): ContinuousScale;
  function rangeOf(next?: readonly number[]) {
    return next ? storyTimePixelScale(scale, domain, next) : [r0, r1];
  }
  return Object.assign(map, {
    domain: domainOf,
    range: rangeOf,
    copy: () => storyTimePixelScale(scale, domain, range),
    invert: (px: number) => scale.toStory(a0 + ((px - r0) * spanAxis) / (r1 - r0 || 1)),
    ticks: (count = 8) => timeTicks(d0, d1, count).ticksMs,
  });
}

export interface TimeAxisTicks {
  ticksMs: number[];
  labelAt: ReadonlyMap<number, string>;
}

/**
 * Ticks for a binned chart's window: calendar boundaries (timeTicks), each moved to the middle of the bin that holds
 * it so that it stands under its bar (or left where no bin is), none inside a break of the scale (nor at its start).
 */
export function binnedAxisTicks(plan: BinPlan, axis: ChartTimeAxis): TimeAxisTicks {
  const ticks = timeTicks(axis.startMs, axis.endMs);
  const labelAt = new Map<number, string>();
  for (const ms of ticks.ticksMs) {
    // A tick at a break's start would stand next to the one at its end.
    if (axis.scale.breaks.some((b) => ms >= b.fromMs && ms < b.toMs)) continue;
    const bin = plan.bins[binIndexOf(plan, ms)];
    const atMs = bin ? bin.midMs : ms;
    if (!labelAt.has(atMs)) labelAt.set(atMs, formatBinTick(ms, ticks.plan));
  }
  return { ticksMs: [...labelAt.keys()], labelAt };
}
