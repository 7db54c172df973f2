import { describe, expect, it } from 'vitest';
import { decimatedDeathsPoints } from '@/lib/charts/deathsPoints';
import type { DeathsPoint, StrikeToll } from '@/lib/charts/reportedDeaths';

const strike = (id: string) => ({ event: { id } }) as unknown as StrikeToll;
const point = (atMs: number, cumulativeDeaths: number, strikes: StrikeToll[], tollNotReportedCount = 0): DeathsPoint => ({
  atMs,
  cumulative: { count: cumulativeDeaths, bound: 'exact', isApproximate: false },
  cumulativeDeaths,
  isLowerBound: false,
  strikes,
  tollNotReportedCount,
  tollNotReportedMarker: tollNotReportedCount > 0 ? 0 : null,
});

describe('decimatedDeathsPoints', () => {
  it('keeps the points as they are up to the limit', () => {
    const points = [point(0, 1, [strike('a')]), point(10, 2, [strike('b')])];
    expect(decimatedDeathsPoints(points, [0, 100], 2)).toBe(points);
  });

  it('merges points of one slice at the last of them, with its running sum and every strike, and keeps the playhead point', () => {
    const points = [point(0, 1, [strike('a')]), point(10, 3, [strike('b')], 1), point(60, 5, [strike('c')]), point(70, 5, [])];
    const merged = decimatedDeathsPoints(points, [0, 100], 2);
    expect(merged.map((p) => [p.atMs, p.cumulativeDeaths, p.strikes.map((s) => s.event.id), p.tollNotReportedMarker])).toEqual([
      [10, 3, ['a', 'b'], 0],
      [60, 5, ['c'], null],
      [70, 5, [], null],
    ]);
    expect(points[0]?.strikes).toHaveLength(1);
  });
});
