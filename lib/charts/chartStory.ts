import { lowerBound, upperBound } from '../sortedSearch';
import { eventSpan, isPrecise } from '../events/eventSpan';
import type { StoryEvent } from '../events/schema';
import { domainBinPlan, sameDomain, type ChartDomain } from './chartDomain';
import { binIndexOf, type BinPlan } from './timeBins';

/**
 * A story's events (filtered or not) placed once on a chart domain. Whatever is released of them is a prefix (story
 * order is release order), so each chart builds its series once over all of them and then reveals the first
 * `releasedCount` with binary searches over the positions kept here (`positions` are indices into `events`).
 */
export interface ChartStory {
  /** In story order: anchors never decrease. */
  events: readonly StoryEvent[];
  domain: ChartDomain;
  plan: BinPlan;
  /** `anchorsMs[i]` is the release instant of `events[i]`. */
  anchorsMs: Float64Array;
  /** Positions of the events put in a bin: dated to a day or an instant, inside the domain. */
  binnedPositions: Int32Array;
  /** The bin of each binned event, in the same order: it never decreases, since the events are in time order. */
  binOfBinned: Int32Array;
  /** Positions of the events with coarser dates (week, season, range...): no bin can hold them. */
  approximatePositions: Int32Array;
  /** Positions of the events dated to a day but outside the domain. */
  outsidePositions: Int32Array;
}

const storyCache = new WeakMap<readonly StoryEvent[], ChartStory>();

function build(events: readonly StoryEvent[], domain: ChartDomain): ChartStory {
  const plan = domainBinPlan(domain);
  const anchorsMs = new Float64Array(events.length);
  const binned: number[] = [];
  const bins: number[] = [];
  const approximate: number[] = [];
  const outside: number[] = [];
  for (let position = 0; position < events.length; position++) {
    const event = events[position] as StoryEvent;
    const atMs = eventSpan(event).anchorMs;
    if (position > 0 && atMs < (anchorsMs[position - 1] as number)) {
      throw new Error(`chart events must be in story order: ${event.id} is released before the event listed ahead of it`);
    }
    anchorsMs[position] = atMs;
    const bin = isPrecise(event.time) ? binIndexOf(plan, atMs) : -1;
    if (!isPrecise(event.time)) approximate.push(position);
    else if (bin < 0 || atMs > domain.endMs) outside.push(position);
    else {
      binned.push(position);
      bins.push(bin);
    }
  }
  return {
    events,
    domain,
    plan,
    anchorsMs,
    binnedPositions: Int32Array.from(binned),
    binOfBinned: Int32Array.from(bins),
    approximatePositions: Int32Array.from(approximate),
    outsidePositions: Int32Array.from(outside),
  };
}

/** The events placed on the domain; the same object for the same (immutable) list and domain. */
export function chartStory(events: readonly StoryEvent[], domain: ChartDomain): ChartStory {
  const cached = storyCache.get(events);
  if (cached && sameDomain(cached.domain, domain)) return cached;
  const story = build(events, domain);
  storyCache.set(events, story);
  return story;
}

/** How many of the story's events are released when the playhead stands at `playheadMs`. */
export function releasedCountAt(story: ChartStory, playheadMs: number): number {
  return upperBound(story.anchorsMs, playheadMs);
}

/** How many of the ascending `positions` fall among the first `releasedCount` events. */
export function countReleased(positions: ArrayLike<number>, releasedCount: number): number {
  return lowerBound(positions, releasedCount);
}

/** `releasedCount` kept within the story. */
export function clampReleased(story: ChartStory, releasedCount: number): number {
  return Math.max(0, Math.min(story.events.length, Math.floor(releasedCount)));
}

/** The ascending positions among `positions` whose event passes `test`. */
export function positionsWhere(story: ChartStory, positions: ArrayLike<number>, test: (event: StoryEvent) => boolean): Int32Array {
  const kept: number[] = [];
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i] as number;
    if (test(story.events[position] as StoryEvent)) kept.push(position);
  }
  return Int32Array.from(kept);
}

/**
 * Rows of a binned chart with the first `count` of its events revealed, `binOf` being the bin of each of its events
 * in story order (so it never decreases). Bins before the last revealed event share the story's complete rows, bins
 * after it share its empty rows: only the bin that event falls in is made anew, and only while part of it is revealed
 * (`partial` gets the range of the chart's events revealed in it).
 */
export function revealBinnedRows<Row>(
  binOf: Int32Array,
  count: number,
  complete: readonly Row[],
  empty: readonly Row[],
  partial: (bin: number, from: number, to: number) => Row,
): Row[] {
  const rows = empty.slice();
  if (count <= 0) return rows;
  const lastBin = binOf[count - 1] as number;
  for (let bin = 0; bin < lastBin; bin++) rows[bin] = complete[bin] as Row;
  const isBinComplete = count === binOf.length || binOf[count] !== lastBin;
  rows[lastBin] = isBinComplete ? (complete[lastBin] as Row) : partial(lastBin, lowerBound(binOf, lastBin), count);
  return rows;
}
