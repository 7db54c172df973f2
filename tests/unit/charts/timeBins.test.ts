import { describe, expect, it } from 'vitest';
import { formatBin, formatBinTick } from '@/lib/charts/binLabels';
import { binIndexOf, binSizeLabel, binStartMs, nextBinStartMs, planBins, type BinUnit } from '@/lib/charts/timeBins';
import { utc } from './chartFixtures';

describe('binStartMs / nextBinStartMs', () => {
  it.each<[string, BinUnit, number, string, string]>([
    ['2025-04-17T15:00Z', 'day', 1, '2025-04-17', '2025-04-18'],
    ['2025-04-17', 'day', 1, '2025-04-17', '2025-04-18'],
    ['2025-04-17T15:00Z', 'week', 1, '2025-04-14', '2025-04-21'], // a Thursday: its week starts on Monday
    ['2025-04-14', 'week', 1, '2025-04-14', '2025-04-21'], // a Monday
    ['2025-04-20T23:59Z', 'week', 1, '2025-04-14', '2025-04-21'], // a Sunday ends the week
    ['2025-01-01', 'week', 1, '2024-12-30', '2025-01-06'], // across a year
    ['2025-04-17T15:00Z', 'month', 1, '2025-04-01', '2025-05-01'],
    ['2024-02-29', 'month', 1, '2024-02-01', '2024-03-01'],
    ['2025-12-31', 'month', 1, '2025-12-01', '2026-01-01'],
    ['2025-04-17', 'year', 1, '2025-01-01', '2026-01-01'],
    ['2023-06-01', 'year', 5, '2020-01-01', '2025-01-01'],
  ])('%s in %s bins (×%d) starts at %s, the next at %s', (instant, unit, unitsPerBin, start, next) => {
    const startMs = binStartMs(utc(instant), unit, unitsPerBin);
    expect(startMs).toBe(utc(start));
    expect(nextBinStartMs(startMs, unit, unitsPerBin)).toBe(utc(next));
  });
});

describe('planBins chooses the unit from the span', () => {
  it.each<[string, string, number, BinUnit, number, number, string, string]>([
    // from, cover end (exclusive) + extra ms, unit, units per bin, bins, first bin start, last bin start
    ['2025-04-04', '2025-04-26', 0, 'day', 1, 22, '2025-04-04', '2025-04-25'],
    ['2025-04-04T10:00Z', '2025-04-04', 0, 'day', 1, 1, '2025-04-04', '2025-04-04'], // never empty
    ['2025-01-01', '2025-05-01', 0, 'day', 1, 120, '2025-01-01', '2025-04-30'], // exactly 120 days
    ['2025-01-01', '2025-05-01', 1, 'week', 1, 18, '2024-12-30', '2025-04-28'], // just over
    ['2020-01-06', '2022-11-21', 0, 'week', 1, 150, '2020-01-06', '2022-11-14'], // exactly 150 weeks
    ['2020-01-06', '2022-11-21', 1, 'month', 1, 35, '2020-01-01', '2022-11-01'],
    ['2000-01-01', '2012-07-01', 0, 'month', 1, 150, '2000-01-01', '2012-06-01'], // exactly 150 months
    ['2000-01-01', '2012-07-01', 1, 'year', 1, 13, '2000-01-01', '2012-01-01'],
    ['1700-01-01', '2025-01-01', 0, 'year', 3, 109, '1698-01-01', '2022-01-01'], // 325 years: 3 per bin
  ])('%s to %s (+%d ms): %s bins', (from, coverEnd, extraMs, unit, unitsPerBin, count, firstStart, lastStart) => {
    const plan = planBins(utc(from), utc(coverEnd) + extraMs);
    expect(plan.unit).toBe(unit);
    expect(plan.unitsPerBin).toBe(unitsPerBin);
    expect(plan.bins).toHaveLength(count);
    expect(plan.bins[0]?.startMs).toBe(utc(firstStart));
    expect(plan.bins.at(-1)?.startMs).toBe(utc(lastStart));
  });

  it('never needs more than 150 bins', () => {
    for (const [from, to] of [['0001-01-01', '9999-12-31'], ['1900-01-01', '2025-04-26'], ['2024-01-01', '2025-04-26']] as const) {
      expect(planBins(utc(from), utc(to)).bins.length).toBeLessThanOrEqual(150);
    }
  });

  it('makes contiguous bins with their middle in the middle', () => {
    const { bins } = planBins(utc('2024-11-15'), utc('2025-04-26'));
    bins.forEach((bin, i) => {
      expect(bin.midMs).toBe((bin.startMs + bin.endMs) / 2);
      if (i > 0) expect(bin.startMs).toBe(bins[i - 1]?.endMs);
    });
  });
});

describe('binIndexOf', () => {
  const plan = planBins(utc('2025-04-04'), utc('2025-04-26'));
  it.each<[string, number]>([
    ['2025-04-04', 0],
    ['2025-04-04T23:59:59.999Z', 0],
    ['2025-04-05', 1],
    ['2025-04-25T12:00Z', 21],
    ['2025-04-26', -1],
    ['2025-04-03T23:59Z', -1],
  ])('%s is in bin %d', (instant, index) => {
    expect(binIndexOf(plan, utc(instant))).toBe(index);
  });
});

describe('labels', () => {
  const bin = (start: string, unit: BinUnit, unitsPerBin = 1) => {
    const startMs = binStartMs(utc(start), unit, unitsPerBin);
    const endMs = nextBinStartMs(startMs, unit, unitsPerBin);
    return { startMs, endMs, midMs: (startMs + endMs) / 2 };
  };
  it.each<[string, BinUnit, number, string, string, string]>([
    ['2025-04-04', 'day', 1, '4 Apr 2025', '4 Apr', 'day'],
    ['2025-04-17', 'week', 1, 'week of 14 Apr 2025', '14 Apr', 'week'],
    ['2025-04-17', 'month', 1, 'Apr 2025', 'Apr 2025', 'month'],
    ['2025-04-17', 'year', 1, '2025', '2025', 'year'],
    ['2020-04-17', 'year', 3, '2019–2021', '2019', '3 years'],
  ])('%s in %s bins (×%d): "%s", tick "%s", per "%s"', (start, unit, unitsPerBin, label, tick, size) => {
    const plan = { unit, unitsPerBin };
    expect(formatBin(bin(start, unit, unitsPerBin), plan)).toBe(label);
    expect(formatBinTick(bin(start, unit, unitsPerBin).startMs, plan)).toBe(tick);
    expect(binSizeLabel(plan)).toBe(size);
  });
});
