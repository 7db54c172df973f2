import { describe, expect, it } from 'vitest';
import { LINEAR_TIME_SCALE, buildTimeScale } from '@/lib/timeline/compressedScale';
import { chooseTickStep, firstTickAtOrAfter, generateTicks, nextTick, tickLabel, type TickStep, type TickUnit } from '@/lib/timeline/ticks';
import type { Viewport } from '@/lib/timeline/viewport';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (year: number, month1: number, day: number, hour = 0) => Date.UTC(year, month1 - 1, day, hour);
const view = (startMs: number, endMs: number): Viewport => ({ startMs, endMs });
const stepOf = (unit: TickUnit, count: number): Pick<TickStep, 'unit' | 'count'> => ({ unit, count });

describe('chooseTickStep (ticks at least 72 px apart)', () => {
  it.each<[string, Viewport, number, Pick<TickStep, 'unit' | 'count'>]>([
    ['10 hours on 1000 px (100 px an hour)', view(0, 10 * HOUR), 1000, stepOf('hour', 1)],
    ['a day on 1000 px (42 px an hour)', view(0, DAY), 1000, stepOf('hour', 3)],
    ['3 days on 1000 px', view(0, 3 * DAY), 1000, stepOf('hour', 6)],
    ['10 days on 1000 px (100 px a day)', view(0, 10 * DAY), 1000, stepOf('day', 1)],
    ['4 weeks on 1000 px', view(0, 28 * DAY), 1000, stepOf('week', 1)],
    ['a year on 1000 px', view(0, 365 * DAY), 1000, stepOf('month', 1)],
    ['two years on 1000 px', view(0, 731 * DAY), 1000, stepOf('month', 3)],
    ['7.3 years on 1000 px', view(utc(2018, 1, 1), utc(2025, 4, 26)), 1000, stepOf('year', 1)],
    ['a century on 1000 px', view(utc(1950, 1, 1), utc(2050, 1, 1)), 1000, stepOf('year', 10)],
    ['a century on 500 px', view(utc(1950, 1, 1), utc(2050, 1, 1)), 500, stepOf('year', 50)],
    ['ten millennia: the coarsest step', view(utc(1, 1, 1), utc(9999, 1, 1)), 1000, stepOf('year', 100)],
  ])('%s', (_name, viewport, widthPx, expected) => {
    expect(chooseTickStep(viewport, widthPx)).toMatchObject(expected);
  });
});

describe('firstTickAtOrAfter and nextTick (UTC)', () => {
  const step = (unit: TickUnit, count: number): TickStep => ({ unit, count, nominalMs: 0 });
  it.each<[string, number, TickStep, number, number]>([
    ['3-hourly from 13:30', utc(2025, 4, 6, 13) + 30 * 60_000, step('hour', 3), utc(2025, 4, 6, 15), utc(2025, 4, 6, 18)],
    ['12-hourly from 12:00 exactly', utc(2025, 4, 6, 12), step('hour', 12), utc(2025, 4, 6, 12), utc(2025, 4, 7)],
    ['daily from 6 Apr 00:01', utc(2025, 4, 6) + 60_000, step('day', 1), utc(2025, 4, 7), utc(2025, 4, 8)],
    ['weekly from Sunday 6 Apr: Monday 7 Apr', utc(2025, 4, 6), step('week', 1), utc(2025, 4, 7), utc(2025, 4, 14)],
    ['weekly from Monday 7 Apr itself', utc(2025, 4, 7), step('week', 1), utc(2025, 4, 7), utc(2025, 4, 14)],
    ['monthly from 15 Jan: 1 Feb, then 1 Mar', utc(2025, 1, 15), step('month', 1), utc(2025, 2, 1), utc(2025, 3, 1)],
    ['quarterly from 1 Feb: 1 Apr, then 1 Jul', utc(2025, 2, 1), step('month', 3), utc(2025, 4, 1), utc(2025, 7, 1)],
    ['quarterly from 1 Oct itself', utc(2024, 10, 1), step('month', 3), utc(2024, 10, 1), utc(2025, 1, 1)],
    ['yearly from 2 Jan 2018', utc(2018, 1, 2), step('year', 1), utc(2019, 1, 1), utc(2020, 1, 1)],
    ['every 5 years from 2018', utc(2018, 6, 1), step('year', 5), utc(2020, 1, 1), utc(2025, 1, 1)],
    ['every 10 years from 1 Jan 2020 itself', utc(2020, 1, 1), step('year', 10), utc(2020, 1, 1), utc(2030, 1, 1)],
  ])('%s', (_name, fromMs, tickStep, first, second) => {
    expect(firstTickAtOrAfter(fromMs, tickStep)).toBe(first);
    expect(nextTick(first, tickStep)).toBe(second);
  });
});

describe('tickLabel', () => {
  it.each<[number, TickUnit, string, boolean]>([
    [utc(2025, 4, 6, 15), 'hour', '15:00', false],
    [utc(2025, 4, 6, 3), 'hour', '03:00', false],
    [utc(2025, 4, 6), 'hour', '6 Apr', true],
    [utc(2025, 4, 6), 'day', '6 Apr', false],
    [utc(2025, 5, 1), 'day', '1 May', true],
    [utc(2025, 4, 7), 'week', '7 Apr', true],
    [utc(2025, 4, 14), 'week', '14 Apr', false],
    [utc(2025, 4, 1), 'month', 'Apr', false],
    [utc(2025, 1, 1), 'month', '2025', true],
    [utc(2018, 1, 1), 'year', '2018', false],
  ])('%s as %s: %s', (ms, unit, label, major) => {
    expect(tickLabel(ms, unit)).toEqual({ label, major });
  });
});

describe('generateTicks', () => {
  const ticksOf = (viewport: Viewport, widthPx: number) => generateTicks(viewport, widthPx, LINEAR_TIME_SCALE).ticks.map((t) => [t.ms, t.label, t.major]);
  it.each<[string, Viewport, number, [number, string, boolean][]]>([
    [
      'one day in 3-hour steps, both ends included',
      view(utc(2025, 4, 6), utc(2025, 4, 7)),
      1000,
      [
        [utc(2025, 4, 6), '6 Apr', true],
        [utc(2025, 4, 6, 3), '03:00', false],
        [utc(2025, 4, 6, 6), '06:00', false],
        [utc(2025, 4, 6, 9), '09:00', false],
        [utc(2025, 4, 6, 12), '12:00', false],
        [utc(2025, 4, 6, 15), '15:00', false],
        [utc(2025, 4, 6, 18), '18:00', false],
        [utc(2025, 4, 6, 21), '21:00', false],
        [utc(2025, 4, 7), '7 Apr', true],
      ],
    ],
    [
      'four days across a month end',
      view(utc(2025, 3, 30, 12), utc(2025, 4, 3, 12)),
      400,
      [
        [utc(2025, 3, 31), '31 Mar', false],
        [utc(2025, 4, 1), '1 Apr', true],
        [utc(2025, 4, 2), '2 Apr', false],
        [utc(2025, 4, 3), '3 Apr', false],
      ],
    ],
    [
      'the last four weeks of the first story: Mondays',
      view(utc(2025, 3, 29), utc(2025, 4, 26)),
      1000,
      [
        [utc(2025, 3, 31), '31 Mar', false],
        [utc(2025, 4, 7), '7 Apr', true],
        [utc(2025, 4, 14), '14 Apr', false],
        [utc(2025, 4, 21), '21 Apr', false],
      ],
    ],
    [
      'five months across a new year',
      view(utc(2024, 11, 15), utc(2025, 4, 15)),
      500,
      [
        [utc(2024, 12, 1), 'Dec', false],
        [utc(2025, 1, 1), '2025', true],
        [utc(2025, 2, 1), 'Feb', false],
        [utc(2025, 3, 1), 'Mar', false],
        [utc(2025, 4, 1), 'Apr', false],
      ],
    ],
    [
      'the first story fitted: years',
      view(utc(2017, 6, 1), utc(2025, 9, 1)),
      1000,
      [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year): [number, string, boolean] => [utc(year, 1, 1), String(year), false]),
    ],
    [
      'a century on 500 px: every 50 years',
      view(utc(1950, 1, 1), utc(2050, 1, 1)),
      500,
      [
        [utc(1950, 1, 1), '1950', false],
        [utc(2000, 1, 1), '2000', false],
        [utc(2050, 1, 1), '2050', false],
      ],
    ],
  ])('%s', (_name, viewport, widthPx, expected) => {
    expect(ticksOf(viewport, widthPx)).toEqual(expected);
  });

  it('keeps ticks at least 72 px apart on average at every width from 200 to 2000 px', () => {
    const viewport = view(utc(2025, 1, 1), utc(2025, 4, 26));
    for (let widthPx = 200; widthPx <= 2000; widthPx += 100) {
      const { ticks } = generateTicks(viewport, widthPx, LINEAR_TIME_SCALE);
      expect(ticks.length).toBeLessThanOrEqual(Math.floor(widthPx / 72) + 1);
    }
  });
});

describe('generateTicks on an axis with a break', () => {
  // A week of daily events in March 2020 and another in March 2022: the two years between are one break.
  const week = (startMs: number) => Array.from({ length: 7 }, (_, i) => ({ fromMs: startMs + i * DAY, toMs: startMs + i * DAY }));
  const scale = buildTimeScale([...week(utc(2020, 3, 1)), ...week(utc(2022, 3, 1))]);
  const axisView = (startMs: number, endMs: number) => view(scale.toAxis(startMs), scale.toAxis(endMs));

  it('has one break, from the end of the first week to the start of the second', () => {
    expect(scale.breaks.map((b) => [b.fromMs, b.toMs])).toEqual([[utc(2020, 3, 7), utc(2022, 3, 1)]]);
  });

  it.each<[string, Viewport, [number, string][]]>([
    [
      'across the break on 600 px: daily ticks on each side, none inside',
      axisView(utc(2020, 3, 4), utc(2022, 3, 4)),
      [
        [utc(2020, 3, 4), '4 Mar'],
        [utc(2020, 3, 5), '5 Mar'],
        [utc(2020, 3, 6), '6 Mar'],
        [utc(2020, 3, 7), '7 Mar'],
        [utc(2022, 3, 1), '1 Mar'],
        [utc(2022, 3, 2), '2 Mar'],
        [utc(2022, 3, 3), '3 Mar'],
        [utc(2022, 3, 4), '4 Mar'],
      ],
    ],
    ['inside the break only: no ticks', view(scale.toAxis(utc(2020, 3, 7)) + HOUR, scale.toAxis(utc(2022, 3, 1)) - HOUR), []],
  ])('%s', (_name, viewport, expected) => {
    const { ticks } = generateTicks(viewport, 600, scale);
    expect(ticks.map((t) => [t.ms, t.label])).toEqual(expected);
    for (const tick of ticks) {
      expect(tick.axisMs).toBe(scale.toAxis(tick.ms));
      for (const b of scale.breaks) expect(tick.ms <= b.fromMs || tick.ms >= b.toMs).toBe(true);
    }
  });
});
