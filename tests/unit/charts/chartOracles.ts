/**
 * The charts' numbers computed the plain way, straight from a list of released events: what each chart showed before
 * its series were built once per story and revealed. The reveal must give exactly these.
 */
import type { ChartDomain } from '@/lib/charts/chartDomain';
import { activityKindOf } from '@/lib/charts/activityKind';
import { reportedToll, type CumulativeDeaths, type DeathsPoint } from '@/lib/charts/reportedDeaths';
import { planBins } from '@/lib/charts/timeBins';
import { eventSpan, isPrecise } from '@/lib/events/eventSpan';
import { EVENT_TYPES } from '@/lib/events/eventTypes';
import type { StoryEvent } from '@/lib/events/schema';

/** Where a released event goes on a binned chart: a bin index, or why it has none. */
function placeOf(event: StoryEvent, bins: { startMs: number; endMs: number }[], domain: ChartDomain): number | 'approximate' | 'outside' {
  if (!isPrecise(event.time)) return 'approximate';
  const atMs = eventSpan(event).anchorMs;
  const bin = bins.findIndex((b) => atMs >= b.startMs && atMs < b.endMs);
  return bin < 0 || atMs > domain.endMs ? 'outside' : bin;
}

export function plainEventsPerBin(released: readonly StoryEvent[], domain: ChartDomain) {
  const { bins } = planBins(domain.startMs, domain.endMs + 1);
  const rows = bins.map((bin) => ({ ...bin, ...Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])), total: 0 }) as Record<string, number>);
  let approximateCount = 0;
  let outsideCount = 0;
  for (const event of released) {
    const place = placeOf(event, bins, domain);
    if (place === 'approximate') approximateCount += 1;
    else if (place === 'outside') outsideCount += 1;
    else {
      const row = rows[place] as Record<string, number>;
      row[event.type] = (row[event.type] ?? 0) + 1;
      row.total = (row.total ?? 0) + 1;
    }
  }
  return { rows, placedCount: released.length - approximateCount - outsideCount, approximateCount, outsideCount };
}

export function plainStrikesVsDiplomacy(released: readonly StoryEvent[], domain: ChartDomain) {
  const { bins } = planBins(domain.startMs, domain.endMs + 1);
  const rows = bins.map((bin) => ({ ...bin, kinetic: 0, diplomatic: 0 }));
  const placed = { kinetic: 0, diplomatic: 0 };
  const approximate = { kinetic: 0, diplomatic: 0 };
  const outside = { kinetic: 0, diplomatic: 0 };
  for (const event of released) {
    const kind = activityKindOf(event.type);
    if (!kind) continue;
    const place = placeOf(event, bins, domain);
    if (place === 'approximate') approximate[kind] += 1;
    else if (place === 'outside') outside[kind] += 1;
    else {
      placed[kind] += 1;
      (rows[place] as (typeof rows)[number])[kind] += 1;
    }
  }
  return { rows, placed, approximate, outside };
}

/** "≥12" (at least), ">12" (more than), "~12" (about), "~≥12" (about, or more). */
const sumSymbol = (isLowerBound: boolean, isStrict: boolean, isApproximate: boolean) => `${isApproximate ? '~' : ''}${isStrict ? '>' : isLowerBound ? '≥' : ''}`;

/** A running sum of the charts in the oracle's terms. */
export const summedDeaths = (sum: CumulativeDeaths | null) =>
  sum === null ? 'none' : sumSymbol(sum.bound !== 'exact', sum.bound === 'more-than', sum.isApproximate) + String(sum.count);

/** The running sums strike by strike, and one point per instant: "day: sum [+n not reported] (strike ids)". */
export function plainReportedDeaths(released: readonly StoryEvent[]) {
  let deaths: number | null = null;
  let isLowerBound = false;
  let isStrict = false;
  let isApproximate = false;
  let notReported = 0;
  const sumText = () => (deaths === null ? 'none' : sumSymbol(isLowerBound, isStrict, isApproximate) + String(deaths));
  const strikes: string[] = [];
  const points: { atMs: number; sum: string; strikes: string[]; notReported: number }[] = [];
  for (const event of released.filter((e) => e.type === 'strike')) {
    const toll = reportedToll(event.casualties);
    if (toll.kind === 'notReported') notReported += 1;
    else {
      deaths = (deaths ?? 0) + toll.tally.count;
      isLowerBound ||= toll.tally.bound !== 'exact';
      isStrict ||= toll.tally.bound === 'more-than';
      isApproximate ||= toll.tally.isApproximate;
    }
    const sum = sumText();
    strikes.push(`${event.id} ${sum}`);
    const atMs = eventSpan(event).anchorMs;
    const last = points[points.length - 1];
    const point = last?.atMs === atMs ? last : { atMs, sum, strikes: [], notReported: 0 };
    if (point !== last) points.push(point);
    point.sum = sum;
    point.strikes.push(event.id);
    if (toll.kind === 'notReported') point.notReported += 1;
  }
  return { strikes, points, total: sumText(), tollNotReportedCount: notReported };
}

/** A drawn deaths point in the oracle's terms. */
export function pointSummary(point: DeathsPoint) {
  const { cumulative } = point;
  const sum = summedDeaths(cumulative);
  if (point.cumulativeDeaths !== (cumulative?.count ?? null) || point.isLowerBound !== (cumulative !== null && cumulative.bound !== 'exact')) throw new Error('a point disagrees with its own sum');
  return { atMs: point.atMs, sum, strikes: point.strikes.map((s) => s.event.id), notReported: point.tollNotReportedCount };
}

export function plainActivityByActor(released: readonly StoryEvent[], topCount: number) {
  const counts = new Map<string, number>();
  for (const event of released) for (const name of new Set(event.actors.map((a) => a.name))) counts.set(name, (counts.get(name) ?? 0) + 1);
  const top = [...counts]
    .map(([name, events]) => ({ name, events }))
    .sort((a, b) => b.events - a.events || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { top: top.slice(0, topCount), actorCount: counts.size, eventsWithActors: released.filter((e) => e.actors.length > 0).length };
}

/** Points in the same of `slices` equal slices of the domain merged into one, at the last of them: a long story's drawing. */
export function plainMergedPoints(points: ReturnType<typeof plainReportedDeaths>['points'], domainMs: readonly [number, number], slices: number) {
  const sliceOf = (ms: number) => Math.floor((ms - domainMs[0]) / Math.max(1, (domainMs[1] - domainMs[0]) / slices));
  const merged: typeof points = [];
  for (const point of points) {
    const last = merged[merged.length - 1];
    if (last && sliceOf(last.atMs) === sliceOf(point.atMs)) {
      merged[merged.length - 1] = { atMs: point.atMs, sum: point.sum, strikes: [...last.strikes, ...point.strikes], notReported: last.notReported + point.notReported };
    } else merged.push({ ...point, strikes: [...point.strikes] });
  }
  return merged;
}
