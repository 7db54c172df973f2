import type { StoryEvent } from '../events/schema';
import { activityKindOf, type ActivityKind } from './activityKind';
import type { ChartDomain } from './chartDomain';
import { chartStory, clampReleased, countReleased, positionsWhere, revealBinnedRows, type ChartStory } from './chartStory';
import { sameUnlessChanged } from './revealMemo';
import type { BinPlan, TimeBin } from './timeBins';

export type CountsByActivity = Record<ActivityKind, number>;

export type StrikesVsDiplomacyRow = Readonly<TimeBin & CountsByActivity>;

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['kinetic', 'diplomatic'];

/** Where the events of one kind are in the story (positions index `story.events`). */
interface KindPositions {
  binnedPositions: Int32Array;
  /** Their ordinals among the binned events of both kinds (`binOfActivity`), ascending. */
  activityOrdinals: Int32Array;
  approximatePositions: Int32Array;
  outsidePositions: Int32Array;
}

/** The chart over all of a story's events, built once; `revealStrikesVsDiplomacy` gives what is released of it. */
export interface StrikesVsDiplomacyStory {
  story: ChartStory;
  completeRows: readonly StrikesVsDiplomacyRow[];
  emptyRows: readonly StrikesVsDiplomacyRow[];
  /** The bin of each binned strike, meeting or proposal, in story order. */
  binOfActivity: Int32Array;
  byKind: Readonly<Record<ActivityKind, KindPositions>>;
  /** The largest count of one kind in one bin over the whole story: the count axis stays at it. */
  maxBinCount: number;
}

export interface StrikesVsDiplomacySeries {
  /** The same bins as the events-per-bin chart (the domain's); the same for every reveal. */
  plan: BinPlan;
  rows: readonly StrikesVsDiplomacyRow[];
  /** Released kinetic and diplomatic events put in a bin. */
  placed: CountsByActivity;
  /** Released kinetic and diplomatic events with coarser dates, left out of the bins. */
  approximate: CountsByActivity;
  /** Released kinetic and diplomatic events dated to a day outside the domain. */
  outside: CountsByActivity;
  maxBinCount: number;
}

const storyCache = new WeakMap<ChartStory, StrikesVsDiplomacyStory>();

function build(story: ChartStory): StrikesVsDiplomacyStory {
  const emptyRows = story.plan.bins.map((bin) => ({ ...bin, kinetic: 0, diplomatic: 0 }));
  const counting = story.plan.bins.map((bin) => ({ ...bin, kinetic: 0, diplomatic: 0 }));
  const binOfActivity: number[] = [];
  const binned: Record<ActivityKind, number[]> = { kinetic: [], diplomatic: [] };
  const ordinals: Record<ActivityKind, number[]> = { kinetic: [], diplomatic: [] };
  story.binnedPositions.forEach((position, binnedOrdinal) => {
    const kind = activityKindOf((story.events[position] as StoryEvent).type);
    const bin = story.binOfBinned[binnedOrdinal] as number;
    if (!kind) return;
    (counting[bin] as (typeof counting)[number])[kind] += 1;
    binned[kind].push(position);
    ordinals[kind].push(binOfActivity.length);
    binOfActivity.push(bin);
  });
  const positionsOf = (kind: ActivityKind): KindPositions => ({
    binnedPositions: Int32Array.from(binned[kind]),
    activityOrdinals: Int32Array.from(ordinals[kind]),
    approximatePositions: positionsWhere(story, story.approximatePositions, (event) => activityKindOf(event.type) === kind),
    outsidePositions: positionsWhere(story, story.outsidePositions, (event) => activityKindOf(event.type) === kind),
  });
  return {
    story,
    completeRows: counting.map((row, bin) => (row.kinetic + row.diplomatic === 0 ? (emptyRows[bin] as StrikesVsDiplomacyRow) : row)),
    emptyRows,
    binOfActivity: Int32Array.from(binOfActivity),
    byKind: { kinetic: positionsOf('kinetic'), diplomatic: positionsOf('diplomatic') },
    maxBinCount: counting.reduce((max, row) => Math.max(max, row.kinetic, row.diplomatic), 0),
  };
}

/** The chart of every event of the story; the same object for the same story. */
export function strikesVsDiplomacyStory(story: ChartStory): StrikesVsDiplomacyStory {
  let built = storyCache.get(story);
  if (!built) storyCache.set(story, (built = build(story)));
  return built;
}

const countsOf = (count: (kind: ActivityKind) => number): CountsByActivity => ({ kinetic: count('kinetic'), diplomatic: count('diplomatic') });

/** Per time bin, the released strikes against the meetings and proposals: did the strikes go on during the talks? */
export function revealStrikesVsDiplomacy(series: StrikesVsDiplomacyStory, releasedCount: number): StrikesVsDiplomacySeries {
  const { story, byKind } = series;
  const released = clampReleased(story, releasedCount);
  const placed = countsOf((kind) => countReleased(byKind[kind].binnedPositions, released));
  const approximate = countsOf((kind) => countReleased(byKind[kind].approximatePositions, released));
  const outside = countsOf((kind) => countReleased(byKind[kind].outsidePositions, released));
  const key = [placed, approximate, outside].map((counts) => `${counts.kinetic}/${counts.diplomatic}`).join(' ');
  return sameUnlessChanged(series, key, () => ({
    plan: story.plan,
    // The rows follow the binned strikes and diplomatic events alone: other releases leave them (the very array) as they were.
    rows: sameUnlessChanged(series.completeRows, `${placed.kinetic}/${placed.diplomatic}`, () =>
      revealBinnedRows(series.binOfActivity, placed.kinetic + placed.diplomatic, series.completeRows, series.emptyRows, (bin, from, to) => ({
        ...(story.plan.bins[bin] as TimeBin),
        ...countsOf((kind) => countReleased(byKind[kind].activityOrdinals, to) - countReleased(byKind[kind].activityOrdinals, from)),
      })),
    ),
    placed,
    approximate,
    outside,
    maxBinCount: series.maxBinCount,
  }));
}

/** Every one of `events` (in story order) per bin of the domain, strikes against diplomacy. */
export function strikesVsDiplomacy(events: readonly StoryEvent[], domain: ChartDomain): StrikesVsDiplomacySeries {
  return revealStrikesVsDiplomacy(strikesVsDiplomacyStory(chartStory(events, domain)), events.length);
}
