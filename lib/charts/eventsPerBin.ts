import { EVENT_TYPES, type EventType } from '../events/eventTypes';
import type { StoryEvent } from '../events/schema';
import type { ChartDomain } from './chartDomain';
import { chartStory, clampReleased, countReleased, revealBinnedRows, type ChartStory } from './chartStory';
import { sameUnlessChanged } from './revealMemo';
import type { BinPlan, TimeBin } from './timeBins';

export type CountsByType = Record<EventType, number>;

/** One bin with its events counted by type (flat, so a chart can stack one series per type). */
export type EventsPerBinRow = Readonly<TimeBin & CountsByType & { total: number }>;

/** The chart over all of a story's events, built once; `revealEventsPerBin` gives what is released of it. */
export interface EventsPerBinStory {
  story: ChartStory;
  /** Each bin with every event of the story in it; a bin the story leaves empty is its empty row. */
  completeRows: readonly EventsPerBinRow[];
  emptyRows: readonly EventsPerBinRow[];
  /** For each type, the binned ordinals (indices into `story.binnedPositions`) of its events, ascending. */
  binnedOrdinalsByType: Readonly<Record<EventType, Int32Array>>;
  /** The largest bin total of the whole story: the count axis stays at it while events are revealed. */
  maxBinTotal: number;
}

export interface EventsPerBinSeries {
  /** The domain's bins: the same for every reveal. */
  plan: BinPlan;
  rows: readonly EventsPerBinRow[];
  /** Released events put in a bin: those dated to a day or an instant, inside the domain. */
  placedCount: number;
  /** Released events with coarser dates, left out of the bins. */
  approximateCount: number;
  /** Released events dated to a day outside the domain, left out of the bins. */
  outsideCount: number;
  maxBinTotal: number;
}

export function emptyCountsByType(): CountsByType {
  return Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])) as CountsByType;
}

const storyCache = new WeakMap<ChartStory, EventsPerBinStory>();

function build(story: ChartStory): EventsPerBinStory {
  const emptyRows = story.plan.bins.map((bin) => ({ ...bin, ...emptyCountsByType(), total: 0 }));
  const counting = story.plan.bins.map((bin) => ({ ...bin, ...emptyCountsByType(), total: 0 }));
  const ordinals = Object.fromEntries(EVENT_TYPES.map((type) => [type, [] as number[]])) as Record<EventType, number[]>;
  story.binnedPositions.forEach((position, ordinal) => {
    const type = (story.events[position] as StoryEvent).type;
    const row = counting[story.binOfBinned[ordinal] as number];
    if (!row) return;
    row[type] += 1;
    row.total += 1;
    ordinals[type].push(ordinal);
  });
  return {
    story,
    completeRows: counting.map((row, bin) => (row.total === 0 ? (emptyRows[bin] as EventsPerBinRow) : row)),
    emptyRows,
    binnedOrdinalsByType: Object.fromEntries(EVENT_TYPES.map((type) => [type, Int32Array.from(ordinals[type])])) as Record<EventType, Int32Array>,
    maxBinTotal: counting.reduce((max, row) => Math.max(max, row.total), 0),
  };
}

/** The chart of every event of the story; the same object for the same story. */
export function eventsPerBinStory(story: ChartStory): EventsPerBinStory {
  let built = storyCache.get(story);
  if (!built) storyCache.set(story, (built = build(story)));
  return built;
}

/**
 * The chart with the first `releasedCount` events of the story revealed, by type per bin. Only events dated to a
 * day are binned; the others are counted apart. A release changes only the bin it falls in.
 */
export function revealEventsPerBin(series: EventsPerBinStory, releasedCount: number): EventsPerBinSeries {
  const { story } = series;
  const released = clampReleased(story, releasedCount);
  const placedCount = countReleased(story.binnedPositions, released);
  const approximateCount = countReleased(story.approximatePositions, released);
  const outsideCount = countReleased(story.outsidePositions, released);
  return sameUnlessChanged(series, `${placedCount}/${approximateCount}/${outsideCount}`, () => ({
    plan: story.plan,
    // The rows follow the binned events alone: an event with a coarser date leaves them (the very array) as they were.
    rows: sameUnlessChanged(series.completeRows, String(placedCount), () =>
      revealBinnedRows(story.binOfBinned, placedCount, series.completeRows, series.emptyRows, (bin, from, to) => partialRow(series, bin, from, to)),
    ),
    placedCount,
    approximateCount,
    outsideCount,
    maxBinTotal: series.maxBinTotal,
  }));
}

/** A bin with the binned ordinals `from` (included) to `to` (excluded) revealed in it. */
function partialRow(series: EventsPerBinStory, bin: number, from: number, to: number): EventsPerBinRow {
  const row: TimeBin & CountsByType & { total: number } = { ...(series.story.plan.bins[bin] as TimeBin), ...emptyCountsByType(), total: to - from };
  for (const type of EVENT_TYPES) {
    const ordinals = series.binnedOrdinalsByType[type];
    row[type] = countReleased(ordinals, to) - countReleased(ordinals, from);
  }
  return row;
}

/** Every one of `events` (in story order) per bin of the domain, by type. */
export function eventsPerBin(events: readonly StoryEvent[], domain: ChartDomain): EventsPerBinSeries {
  return revealEventsPerBin(eventsPerBinStory(chartStory(events, domain)), events.length);
}
