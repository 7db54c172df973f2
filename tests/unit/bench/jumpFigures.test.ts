import { describe, expect, it } from 'vitest';
import { alternatingOrder } from '@/bench/core/alternation';
import { cpuMsPerJump, medianOf, seriesFigures } from '@/bench/jumps/jumpFigures';
import type { JumpWindowResult } from '@/bench/jumps/jumpWindow';

function window(latenciesMs: number[], jumps: number, bytes: number, missing = 0): JumpWindowResult {
  return {
    sent: Array.from({ length: jumps }, (_, i) => ({ seq: i + 1, sentMs: 1_000 + i * 100 })),
    report: { latenciesMs: Float64Array.from(latenciesMs).sort(), missing, frames: jumps * 10, bytes, disconnected: 0 },
    wallMs: 1_000,
    machineBusyPercent: 50,
  };
}

describe('seriesFigures', () => {
  it('takes the median over windows of each window’s percentiles', () => {
    const figures = seriesFigures([window([1, 2, 30], 2, 0), window([5, 6, 7], 2, 0), window([9, 10, 11], 2, 0)], 10);
    expect(figures.windowMaxMs).toEqual([30, 7, 11]);
    expect(figures.maxMs).toBe(11);
    expect(figures.p50Ms).toBe(6);
  });

  it('divides bytes and frames by viewers and by every jump of every window', () => {
    const figures = seriesFigures([window([1], 3, 6_000), window([1], 2, 4_000)], 10);
    expect(figures.bytesPerViewerPerJump).toBe(200);
    expect(figures.framesPerViewerPerJump).toBe(1);
  });

  it('times the span from the first command sent to the last', () => {
    expect(seriesFigures([window([1], 3, 0), window([1], 5, 0), window([1], 4, 0)], 10).sendSpanMs).toBe(300);
  });

  it('sums what never arrived', () => {
    expect(seriesFigures([window([1], 1, 0, 2), window([1], 1, 0, 3)], 10).missing).toBe(5);
  });

  it('has no per-viewer figure without viewers', () => {
    expect(seriesFigures([window([1], 1, 100)], 0).bytesPerViewerPerJump).toBeNaN();
  });
});

describe('medianOf', () => {
  it.each([
    { values: [3, 1, 2], median: 2 },
    { values: [4, 1, 3, 2], median: 2 },
    { values: [7], median: 7 },
  ])('median of $values is $median (nearest rank)', ({ values, median }) => {
    expect(medianOf(values)).toBe(median);
  });
});

describe('alternatingOrder', () => {
  it('lets each side lead every other round', () => {
    expect([0, 1, 2, 3].map((round) => alternatingOrder(round, 'a', 'b'))).toEqual([
      ['a', 'b'],
      ['b', 'a'],
      ['a', 'b'],
      ['b', 'a'],
    ]);
  });
});

describe('cpuMsPerJump', () => {
  const measurement = { type: 'measured' as const, cpuPercentOfCore: 10, eventLoopDelayP99Ms: 1, gcPauseMaxMs: 1, gcPauseTotalMs: 1, wallMs: 2_000 };
  it.each([
    { jumps: 20, expected: 10 },
    { jumps: 200, expected: 1 },
    { jumps: 0, expected: Number.NaN },
  ])('10% of a core over 2 s for $jumps jumps is $expected ms each', ({ jumps, expected }) => {
    expect(cpuMsPerJump(measurement, jumps)).toBe(expected);
  });
});
