import { MS_PER_DAY, startOfUtcDay } from '../events/calendar';
import { eventSpan } from '../events/eventSpan';
import type { Casualties, StoryEvent } from '../events/schema';

/**
 * What a source reports of a strike's dead. A total is taken as is; children killed with no total is a lower bound;
 * nothing reported stays unknown — never zero.
 */
export type ReportedToll =
  | { kind: 'killed'; deaths: number }
  | { kind: 'atLeast'; deaths: number }
  | { kind: 'notReported' };

export function reportedToll(casualties: Casualties | undefined): ReportedToll {
  if (casualties?.killed !== undefined) return { kind: 'killed', deaths: casualties.killed };
  if (casualties?.childrenKilled !== undefined) return { kind: 'atLeast', deaths: casualties.childrenKilled };
  return { kind: 'notReported' };
}

export interface CumulativeDeaths {
  deaths: number;
  /** True once a lower bound ("at least") is part of the sum. */
  isLowerBound: boolean;
}

export interface StrikeToll {
  event: StoryEvent;
  /** Where the strike stands in story time: its release anchor. */
  atMs: number;
  toll: ReportedToll;
  /** Reported deaths so far, this strike included; `null` while no strike has a reported toll. */
  cumulative: CumulativeDeaths | null;
}

/** One instant on the chart: the strikes released then, and the running sum after them. */
export interface DeathsPoint {
  atMs: number;
  cumulativeDeaths: number | null;
  isLowerBound: boolean;
  strikes: StrikeToll[];
  tollNotReportedCount: number;
  /** 0 (the x axis) where a strike with no reported toll stands, to draw a marker there; `null` elsewhere. */
  tollNotReportedMarker: 0 | null;
}

export interface ReportedDeathsSeries {
  strikes: StrikeToll[];
  /** One point per instant with strikes, plus one at the playhead when it is later, to carry the line there. */
  points: DeathsPoint[];
  total: CumulativeDeaths | null;
  tollNotReportedCount: number;
  /** The time axis, from the day of the first strike to the playhead; `null` when no strike is released. */
  domainMs: readonly [number, number] | null;
}

function addToll(sum: CumulativeDeaths | null, toll: ReportedToll): CumulativeDeaths | null {
  if (toll.kind === 'notReported') return sum;
  return { deaths: (sum?.deaths ?? 0) + toll.deaths, isLowerBound: (sum?.isLowerBound ?? false) || toll.kind === 'atLeast' };
}

function pointAt(atMs: number, strikes: StrikeToll[], sum: CumulativeDeaths | null): DeathsPoint {
  const tollNotReportedCount = strikes.filter((s) => s.toll.kind === 'notReported').length;
  return {
    atMs,
    cumulativeDeaths: sum?.deaths ?? null,
    isLowerBound: sum?.isLowerBound ?? false,
    strikes,
    tollNotReportedCount,
    tollNotReportedMarker: tollNotReportedCount > 0 ? 0 : null,
  };
}

/** Cumulative reported deaths of the released strikes, with the strikes whose toll is not reported kept apart. */
export function reportedDeaths(events: readonly StoryEvent[], playheadMs: number): ReportedDeathsSeries {
  const ordered = events
    .filter((event) => event.type === 'strike')
    .map((event) => ({ event, atMs: eventSpan(event).anchorMs }))
    .sort((a, b) => a.atMs - b.atMs);
  let sum: CumulativeDeaths | null = null;
  const strikes: StrikeToll[] = ordered.map(({ event, atMs }) => {
    const toll = reportedToll(event.casualties);
    sum = addToll(sum, toll);
    return { event, atMs, toll, cumulative: sum };
  });
  const points: DeathsPoint[] = [];
  for (let i = 0; i < strikes.length; ) {
    const atMs = (strikes[i] as StrikeToll).atMs;
    const group: StrikeToll[] = [];
    while (i < strikes.length && (strikes[i] as StrikeToll).atMs === atMs) group.push(strikes[i++] as StrikeToll);
    points.push(pointAt(atMs, group, (group[group.length - 1] as StrikeToll).cumulative));
  }
  const first = strikes[0];
  const last = strikes[strikes.length - 1];
  if (!first || !last) return { strikes, points, total: null, tollNotReportedCount: 0, domainMs: null };
  if (playheadMs > last.atMs) points.push(pointAt(playheadMs, [], last.cumulative));
  const startMs = startOfUtcDay(first.atMs);
  return {
    strikes,
    points,
    total: last.cumulative,
    tollNotReportedCount: strikes.filter((s) => s.toll.kind === 'notReported').length,
    domainMs: [startMs, Math.max(playheadMs, last.atMs, startMs + MS_PER_DAY)],
  };
}
