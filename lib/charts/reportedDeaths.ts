import type { Casualties } from '../events/casualtySchema';
import { upperBound } from '../sortedSearch';
import { MS_PER_DAY } from '../events/calendar';
import { isPrecise } from '../events/eventSpan';
import type { CasualtyFigure } from '../events/casualtySchema';
import { addTallies, asLowerBound, figureTotal, isLowerBound, tallyOf, type Tally } from '../events/casualtyTally';
import type { StoryEvent } from '../events/schema';
import type { ChartDomain } from './chartDomain';
import { chartStory, clampReleased, countReleased, type ChartStory } from './chartStory';
import { decimatedDeathsPoints } from './deathsPoints';
import { sameUnlessChanged } from './revealMemo';

/**
 * What a source reports of a strike's dead. A total is taken with its qualifier ("at least 26", "about 30"); a part
 * with no total (children killed, or civilians and military) is a lower bound of the toll; nothing reported stays
 * unknown — never zero.
 */
export type ReportedToll =
  | { kind: 'reported'; tally: Tally }
  | { kind: 'partOnly'; tally: Tally; part: TollPart }
  | { kind: 'notReported' };

/** The part of a toll a lower bound comes from when no total is given. */
export type TollPart = 'children' | 'civilians' | 'military' | 'civilians and military';

function partsOf(killed: CasualtyFigure): { tally: Tally; part: TollPart }[] {
  const { civilians, military, children } = killed;
  return [
    ...(children ? [{ tally: tallyOf(children), part: 'children' as const }] : []),
    ...(civilians && military ? [{ tally: addTallies(tallyOf(civilians), tallyOf(military)), part: 'civilians and military' as const }] : []),
    ...(civilians && !military ? [{ tally: tallyOf(civilians), part: 'civilians' as const }] : []),
    ...(military && !civilians ? [{ tally: tallyOf(military), part: 'military' as const }] : []),
  ];
}

export function reportedToll(casualties: Casualties | undefined): ReportedToll {
  const killed = casualties?.killed;
  const total = figureTotal(killed);
  if (total) return { kind: 'reported', tally: tallyOf(total) };
  // Children may also be civilians: parts are not added across, the largest lower bound is taken.
  const largest = killed ? partsOf(killed).reduce<{ tally: Tally; part: TollPart } | undefined>((best, p) => (!best || p.tally.count > best.tally.count ? p : best), undefined) : undefined;
  return largest ? { kind: 'partOnly', tally: asLowerBound(largest.tally), part: largest.part } : { kind: 'notReported' };
}

/** Reported deaths summed over strikes: a lower bound once a lower bound is part of the sum, approximate once an approximate figure is. */
export type CumulativeDeaths = Tally;

export interface StrikeToll {
  event: StoryEvent;
  /** Where the strike stands in story time: its release anchor. */
  atMs: number;
  toll: ReportedToll;
  /** Reported deaths so far, this strike included; `null` while no strike has a reported toll. */
  cumulative: CumulativeDeaths | null;
}

/** One instant on the chart (or, in a long story, one slice of time): its strikes, and the running sum after them. */
export interface DeathsPoint {
  atMs: number;
  /** The running sum after this point's strikes; `cumulativeDeaths` is its count, for the drawing. */
  cumulative: CumulativeDeaths | null;
  cumulativeDeaths: number | null;
  isLowerBound: boolean;
  strikes: StrikeToll[];
  tollNotReportedCount: number;
  /** 0 (the x axis) where a strike with no reported toll stands, to draw a marker there; `null` elsewhere. */
  tollNotReportedMarker: 0 | null;
}

/** The chart over all of a story's strikes, built once; `revealReportedDeaths` gives what is released of it. */
export interface ReportedDeathsStory {
  story: ChartStory;
  /** Every strike of the story in story order, with the running sums: a sum only ever depends on earlier strikes. */
  strikes: readonly StrikeToll[];
  /** The position of each strike in `story.events`. */
  strikePositions: Int32Array;
  /** The points to draw (decimatedDeathsPoints over the whole story, so that they stay put while time moves). */
  points: readonly DeathsPoint[];
  /** How many strikes the points up to and including point i hold, ascending. */
  strikesThroughPoint: Int32Array;
  /** Ordinals of the strikes with no reported toll, ascending. */
  notReportedOrdinals: Int32Array;
  /** Ordinals of the strikes standing outside the domain, ascending. */
  outsideOrdinals: Int32Array;
  /** The first strike with an approximate date, or the strike count when none has one. */
  firstApproximateOrdinal: number;
  /** The story's sum of reported deaths: the count axis stays at it. */
  maxDeaths: number;
  /** The time axis: the domain (at least a day wide). */
  domainMs: readonly [number, number];
}

export interface ReportedDeathsSeries {
  /** The released strikes, in story order. */
  strikes: readonly StrikeToll[];
  /** The points to draw for them: one per instant with strikes (per slice of time in a long story). */
  points: readonly DeathsPoint[];
  total: CumulativeDeaths | null;
  tollNotReportedCount: number;
  /** Whether a released strike has an approximate date: it then stands at its release instant. */
  hasApproximateDates: boolean;
  /** Released strikes outside the domain: counted, not drawn. */
  outsideCount: number;
  maxDeaths: number;
  domainMs: readonly [number, number];
}

function addToll(sum: CumulativeDeaths | null, toll: ReportedToll): CumulativeDeaths | null {
  if (toll.kind === 'notReported') return sum;
  return sum ? addTallies(sum, toll.tally) : toll.tally;
}

function pointOf(strikes: StrikeToll[]): DeathsPoint {
  const last = strikes[strikes.length - 1] as StrikeToll;
  const tollNotReportedCount = strikes.filter((s) => s.toll.kind === 'notReported').length;
  return {
    atMs: last.atMs,
    cumulative: last.cumulative,
    cumulativeDeaths: last.cumulative?.count ?? null,
    isLowerBound: last.cumulative ? isLowerBound(last.cumulative) : false,
    strikes,
    tollNotReportedCount,
    tollNotReportedMarker: tollNotReportedCount > 0 ? 0 : null,
  };
}

function ordinalsWhere(strikes: readonly StrikeToll[], test: (strike: StrikeToll) => boolean): Int32Array {
  const ordinals: number[] = [];
  strikes.forEach((strike, ordinal) => {
    if (test(strike)) ordinals.push(ordinal);
  });
  return Int32Array.from(ordinals);
}

function build(story: ChartStory): ReportedDeathsStory {
  const positions: number[] = [];
  const strikes: StrikeToll[] = [];
  let sum: CumulativeDeaths | null = null;
  story.events.forEach((event, position) => {
    if (event.type !== 'strike') return;
    const toll = reportedToll(event.casualties);
    sum = addToll(sum, toll);
    positions.push(position);
    strikes.push({ event, atMs: story.anchorsMs[position] as number, toll, cumulative: sum });
  });
  const perInstant: DeathsPoint[] = [];
  for (let i = 0; i < strikes.length; ) {
    const atMs = (strikes[i] as StrikeToll).atMs;
    const group: StrikeToll[] = [];
    while (i < strikes.length && (strikes[i] as StrikeToll).atMs === atMs) group.push(strikes[i++] as StrikeToll);
    perInstant.push(pointOf(group));
  }
  const { startMs, endMs } = story.domain;
  const domainMs = [startMs, Math.max(endMs, startMs + MS_PER_DAY)] as const;
  const points = decimatedDeathsPoints(perInstant, domainMs);
  let through = 0;
  const firstApproximate = strikes.findIndex((s) => !isPrecise(s.event.time));
  return {
    story,
    strikes,
    strikePositions: Int32Array.from(positions),
    points,
    strikesThroughPoint: Int32Array.from(points, (point) => (through += point.strikes.length)),
    notReportedOrdinals: ordinalsWhere(strikes, (s) => s.toll.kind === 'notReported'),
    outsideOrdinals: ordinalsWhere(strikes, (s) => s.atMs < startMs || s.atMs > endMs),
    firstApproximateOrdinal: firstApproximate < 0 ? strikes.length : firstApproximate,
    maxDeaths: (sum as CumulativeDeaths | null)?.count ?? 0,
    domainMs,
  };
}

const storyCache = new WeakMap<ChartStory, ReportedDeathsStory>();

/** The chart of every strike of the story; the same object for the same story. */
export function reportedDeathsStory(story: ChartStory): ReportedDeathsStory {
  let built = storyCache.get(story);
  if (!built) storyCache.set(story, (built = build(story)));
  return built;
}

/**
 * Cumulative reported deaths of the strikes among the first `releasedCount` events of the story, with the strikes
 * whose toll is not reported kept apart (never counted as zero). Points before the last released strike are the
 * story's own; only the point that strike falls in is made anew, and only while part of it is released.
 */
export function revealReportedDeaths(series: ReportedDeathsStory, releasedCount: number): ReportedDeathsSeries {
  const strikeCount = countReleased(series.strikePositions, clampReleased(series.story, releasedCount));
  return sameUnlessChanged(series, String(strikeCount), () => {
    const strikes = series.strikes.slice(0, strikeCount);
    const completePoints = upperBound(series.strikesThroughPoint, strikeCount);
    const points = series.points.slice(0, completePoints);
    const partFrom = completePoints === 0 ? 0 : (series.strikesThroughPoint[completePoints - 1] as number);
    if (partFrom < strikeCount) points.push(pointOf(strikes.slice(partFrom)));
    return {
      strikes,
      points,
      total: strikes[strikeCount - 1]?.cumulative ?? null,
      tollNotReportedCount: countReleased(series.notReportedOrdinals, strikeCount),
      hasApproximateDates: series.firstApproximateOrdinal < strikeCount,
      outsideCount: countReleased(series.outsideOrdinals, strikeCount),
      maxDeaths: series.maxDeaths,
      domainMs: series.domainMs,
    };
  });
}

/** Cumulative reported deaths of the strikes among `events` (in story order), on the domain's time axis. */
export function reportedDeaths(events: readonly StoryEvent[], domain: ChartDomain): ReportedDeathsSeries {
  return revealReportedDeaths(reportedDeathsStory(chartStory(events, domain)), events.length);
}
