import type { DeathsPoint } from './reportedDeaths';

/** The deaths chart draws at most this many points (a dot each); past that, strikes close in time share one. */
export const MAX_DEATHS_POINTS = 200;

/**
 * The points to draw: as they are up to `maxPoints`; past that, the points with strikes that fall in the same of
 * `maxPoints` equal slices of the time axis merge into one, at the last of them, with the running sum after it and
 * all their strikes. The step line then changes only at slice ends, and the chart costs the same for any story.
 */
export function decimatedDeathsPoints(points: readonly DeathsPoint[], domainMs: readonly [number, number], maxPoints = MAX_DEATHS_POINTS): readonly DeathsPoint[] {
  if (points.length <= maxPoints) return points;
  const sliceMs = Math.max(1, (domainMs[1] - domainMs[0]) / maxPoints);
  const sliceOf = (ms: number) => Math.floor((ms - domainMs[0]) / sliceMs);
  const merged: DeathsPoint[] = [];
  for (const point of points) {
    const last = merged[merged.length - 1];
    if (!last || last.strikes.length === 0 || point.strikes.length === 0 || sliceOf(last.atMs) !== sliceOf(point.atMs)) {
      merged.push({ ...point, strikes: [...point.strikes] });
      continue;
    }
    last.strikes.push(...point.strikes);
    const tollNotReportedCount = last.tollNotReportedCount + point.tollNotReportedCount;
    merged[merged.length - 1] = {
      ...point,
      strikes: last.strikes,
      tollNotReportedCount,
      tollNotReportedMarker: tollNotReportedCount > 0 ? 0 : null,
    };
  }
  return merged;
}
