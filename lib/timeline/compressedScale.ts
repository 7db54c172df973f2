/**
 * A time axis that cuts long empty stretches short: a story whose events span years reads with its dense parts at a
 * readable width and a visible break where nothing happens for years — the same idea as the replay's quiet-gap
 * compression (lib/replay/timeMap.ts), applied to space instead of wall time.
 *
 * Coordinates. `toAxis` maps story time (UTC epoch ms) to *axis time* (ms along the axis). Axis time runs at the
 * same speed as story time everywhere except inside a break, where a long empty stretch is squeezed into a short
 * fixed length. Before the first break axis time equals story time; with no breaks the scale is the identity. The
 * map is piecewise linear, strictly increasing, defined on every number (slope 1 outside the events' extent) and
 * inverted exactly by `toStory`. A plot `widthPx` wide showing the axis window `[a0, a1]` puts the story instant `t`
 * at `x = (toAxis(t) - a0) / (a1 - a0) * widthPx`; the x under a pointer is `toStory(a0 + x / widthPx * (a1 - a0))`.
 *
 * Breaks. From the extents of the story's events (`{ fromMs, toMs }`: a point has `fromMs === toMs`), the empty
 * stretches are the parts of story time between the first and the last event that no extent covers. One becomes a
 * break when it is at least MIN_BREAK_GAP_MS long, at least MIN_BREAK_SHARE_OF_SPAN of the story's span (cutting
 * anything shorter gains little width) and at least MIN_BREAK_SPACING_RATIO times the typical spacing of the
 * events (the median of the positive gaps between consecutive event starts), so that evenly spread events keep a
 * linear axis. Each break then takes BREAK_SHARE_OF_AXIS of the whole axis (all of them together at most
 * MAX_BREAKS_SHARE_OF_AXIS), whatever its length.
 *
 * API (pure, no I/O; meant to be shared: the charts can use the same scale and the timeline's axis window):
 * - `buildTimeScale(extents)`: the scale of a set of extents; `storyTimeScale(events)` (storyScale.ts) builds it
 *   from a story's events, the same object for the same events array.
 * - `LINEAR_TIME_SCALE`: the identity scale, without breaks.
 * - `scale.toAxis(storyMs)`, `scale.toStory(axisMs)`: the map and its inverse.
 * - `scale.breaks`: the breaks, left to right: story stretch, axis stretch and accessible label.
 * - `keptPieces(scale, axisWindow)`: the story-time stretches of an axis window outside the breaks (one tick
 *   sequence per piece, no ticks inside a break); `breaksIn(scale, axisWindow)`: the breaks that show in it.
 * - `toAxisWindow(scale, storyWindow)`, `toStoryWindow(scale, axisWindow)`: convert a `{ startMs, endMs }` window.
 * - `findBreaks(extents)`, `emptyStretches(extents)`, `typicalSpacingMs(extents)`: the rule's steps.
 */
import { upperBound } from '../sortedSearch';
import { MS_PER_DAY } from '../events/calendar';
import { gapLabel } from './gapLabel';

/** A stretch of story time, `fromMs` <= `toMs` (an event's extent, a gap, a piece of the axis). */
export interface TimeExtent {
  fromMs: number;
  toMs: number;
}

export interface ScaleBreak extends TimeExtent {
  /** Where the empty stretch `fromMs`..`toMs` sits on the axis (axis ms). */
  axisFromMs: number;
  axisToMs: number;
  /** "gap: 3 years without events (1 Jan 2019 – 1 Jan 2022)". */
  label: string;
}

export interface TimeScale {
  readonly breaks: readonly ScaleBreak[];
  toAxis(storyMs: number): number;
  toStory(axisMs: number): number;
}

/** A window of story time or of axis time (the timeline's Viewport has this shape). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** An empty stretch shorter than this is never cut. */
export const MIN_BREAK_GAP_MS = MS_PER_DAY;
/** ...nor one shorter than this share of the story's span (first event's start to last event's end). */
export const MIN_BREAK_SHARE_OF_SPAN = 0.1;
/** ...nor one shorter than this many times the typical spacing between consecutive events. */
export const MIN_BREAK_SPACING_RATIO = 20;
/** Each break takes this share of the whole axis (the story's extent on the axis)... */
export const BREAK_SHARE_OF_AXIS = 0.03;
/** ...and all breaks together at most this share (many breaks each get less). */
export const MAX_BREAKS_SHARE_OF_AXIS = 0.2;

const byStart = (a: TimeExtent, b: TimeExtent) => a.fromMs - b.fromMs || a.toMs - b.toMs;
const normalised = (extents: readonly TimeExtent[]): TimeExtent[] =>
  extents.map(({ fromMs, toMs }) => ({ fromMs: Math.min(fromMs, toMs), toMs: Math.max(fromMs, toMs) })).sort(byStart);

/** The median of the positive gaps between consecutive event starts; null when all events start together. */
export function typicalSpacingMs(extents: readonly TimeExtent[]): number | null {
  const starts = extents.map((e) => Math.min(e.fromMs, e.toMs)).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < starts.length; i++) {
    const gap = (starts[i] as number) - (starts[i - 1] as number);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  const middle = gaps.length >> 1;
  return gaps.length % 2 === 1 ? (gaps[middle] as number) : ((gaps[middle - 1] as number) + (gaps[middle] as number)) / 2;
}

/** The stretches between the first and the last extent that no extent covers, left to right. */
export function emptyStretches(extents: readonly TimeExtent[]): TimeExtent[] {
  const sorted = normalised(extents);
  const stretches: TimeExtent[] = [];
  let reachMs = sorted[0]?.toMs ?? 0;
  for (const extent of sorted.slice(1)) {
    if (extent.fromMs > reachMs) stretches.push({ fromMs: reachMs, toMs: extent.fromMs });
    reachMs = Math.max(reachMs, extent.toMs);
  }
  return stretches;
}

/** The empty stretches long enough to become breaks (see the rule in the file header). */
export function findBreaks(extents: readonly TimeExtent[]): TimeExtent[] {
  if (extents.length < 2) return [];
  const spacingMs = typicalSpacingMs(extents);
  if (spacingMs === null) return [];
  const sorted = normalised(extents);
  const spanMs = Math.max(...sorted.map((e) => e.toMs)) - (sorted[0] as TimeExtent).fromMs;
  const minGapMs = Math.max(MIN_BREAK_GAP_MS, MIN_BREAK_SHARE_OF_SPAN * spanMs, MIN_BREAK_SPACING_RATIO * spacingMs);
  return emptyStretches(sorted).filter((gap) => gap.toMs - gap.fromMs >= minGapMs);
}

/** Maps `x` through the piecewise-linear function with these knots (slope 1 outside them and on odd pieces). */
function through(fromKnots: readonly number[], toKnots: readonly number[], x: number): number {
  const last = fromKnots.length - 1;
  if (last < 0) return x;
  const i = Math.min(last, upperBound(fromKnots, x) - 1);
  if (i < 0) return x - (fromKnots[0] as number) + (toKnots[0] as number);
  const f0 = fromKnots[i] as number;
  const t0 = toKnots[i] as number;
  // Even pieces (knot 2k to 2k + 1) are breaks; the others run at the speed of story time.
  if (i === last || i % 2 === 1) return x - f0 + t0;
  return t0 + ((x - f0) * ((toKnots[i + 1] as number) - t0)) / ((fromKnots[i + 1] as number) - f0);
}

/** The scale with these breaks (left to right, not overlapping, each with a positive axis length). */
export function scaleFromBreaks(breaks: readonly ScaleBreak[]): TimeScale {
  const storyKnots = breaks.flatMap((b) => [b.fromMs, b.toMs]);
  const axisKnots = breaks.flatMap((b) => [b.axisFromMs, b.axisToMs]);
  return {
    breaks,
    toAxis: (storyMs) => through(storyKnots, axisKnots, storyMs),
    toStory: (axisMs) => through(axisKnots, storyKnots, axisMs),
  };
}

export const LINEAR_TIME_SCALE: TimeScale = scaleFromBreaks([]);

/** The scale of a set of event extents: the identity unless some empty stretches qualify as breaks. */
export function buildTimeScale(extents: readonly TimeExtent[]): TimeScale {
  const gaps = findBreaks(extents);
  if (gaps.length === 0) return LINEAR_TIME_SCALE;
  const sorted = normalised(extents);
  const spanMs = Math.max(...sorted.map((e) => e.toMs)) - (sorted[0] as TimeExtent).fromMs;
  const keptMs = spanMs - gaps.reduce((sum, gap) => sum + gap.toMs - gap.fromMs, 0);
  if (keptMs <= 0) return LINEAR_TIME_SCALE;
  const share = Math.min(BREAK_SHARE_OF_AXIS, MAX_BREAKS_SHARE_OF_AXIS / gaps.length);
  // n breaks of share s and the kept time K fill the axis A: n·s·A + K = A, so each break is s·K / (1 − n·s).
  const breakAxisMs = Math.max(1, Math.round((share * keptMs) / (1 - gaps.length * share)));
  let removedMs = 0;
  const breaks = gaps.map(({ fromMs, toMs }): ScaleBreak => {
    const axisLengthMs = Math.min(breakAxisMs, toMs - fromMs);
    const axisFromMs = fromMs - removedMs;
    removedMs += toMs - fromMs - axisLengthMs;
    return { fromMs, toMs, axisFromMs, axisToMs: axisFromMs + axisLengthMs, label: gapLabel(fromMs, toMs) };
  });
  return scaleFromBreaks(breaks);
}

export function toAxisWindow(scale: TimeScale, story: TimeWindow): TimeWindow {
  return { startMs: scale.toAxis(story.startMs), endMs: scale.toAxis(story.endMs) };
}

export function toStoryWindow(scale: TimeScale, axis: TimeWindow): TimeWindow {
  return { startMs: scale.toStory(axis.startMs), endMs: scale.toStory(axis.endMs) };
}

/** The breaks that overlap the axis window. */
export function breaksIn(scale: TimeScale, axis: TimeWindow): ScaleBreak[] {
  return scale.breaks.filter((b) => b.axisToMs > axis.startMs && b.axisFromMs < axis.endMs);
}

/** The story-time stretches of the axis window that lie outside every break, left to right. */
export function keptPieces(scale: TimeScale, axis: TimeWindow): TimeExtent[] {
  const storyStartMs = scale.toStory(axis.startMs);
  const storyEndMs = scale.toStory(axis.endMs);
  const pieces: TimeExtent[] = [];
  let pieceStartMs = -Infinity;
  for (const b of [...scale.breaks, { fromMs: Infinity, toMs: Infinity }]) {
    const fromMs = Math.max(pieceStartMs, storyStartMs);
    const toMs = Math.min(b.fromMs, storyEndMs);
    if (fromMs <= toMs) pieces.push({ fromMs, toMs });
    pieceStartMs = b.toMs;
  }
  return pieces;
}
