import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '@/lib/events/calendar';
import {
  DATE_PRECISIONS,
  SEASON_BY_START_MONTH,
  alignmentProblem,
  parseDateForPrecision,
  periodEnd,
  periodStart,
  seasonName,
  type DatePrecision,
} from '@/lib/events/precision';

/** A story date (calendar date, or date-time for `exact`) as epoch ms; throws on a bad test input. */
function ms(text: string): number {
  const parsed = parseDateForPrecision(text, text.includes('T') ? 'exact' : 'day');
  if (!parsed.ok) throw new Error(`bad test date ${text}: ${parsed.reason}`);
  return parsed.ms;
}

const iso = (at: number) => new Date(at).toISOString();

const WEEK = 'a date with precision "week" must be the Monday that starts the week';
const MONTH = 'a date with precision "month" must be the first day of the month';
const SEASON = 'a date with precision "season" must be 1 March, 1 June, 1 September or 1 December';
const YEAR = 'a date with precision "year" must be 1 January';

describe('DATE_PRECISIONS', () => {
  it('lists the precisions from the finest to the coarsest', () => {
    expect(DATE_PRECISIONS).toEqual(['exact', 'day', 'week', 'month', 'season', 'year']);
  });
});

const ALIGNED: [DatePrecision, string][] = [
    ['exact', '2025-04-24T22:30Z'],
    ['exact', '2025-04-24T22:30+03:00'],
    ['exact', '2025-04-13T00:00Z'],
    ['day', '2025-04-24'],
    ['day', '2025-04-13'],
    ['day', '2024-02-29'],
    ['day', '2025-12-31'],
    // 14 Apr 2025, 30 Dec 2024 and 26 Feb 2024 are Mondays
    ['week', '2025-04-14'],
    ['week', '2024-12-30'],
    ['week', '2024-02-26'],
    ['month', '2025-04-01'],
    ['month', '2024-02-01'],
    ['month', '2025-12-01'],
    ['season', '2025-03-01'],
    ['season', '2025-06-01'],
    ['season', '2022-09-01'],
    ['season', '2024-12-01'],
    ['year', '2018-01-01'],
    ['year', '2022-01-01'],
    ['year', '2024-01-01'],
];

const MISALIGNED: [DatePrecision, string, string][] = [
    // week: every other weekday of the week of 14 Apr 2025
    ['week', '2025-04-13', WEEK], // Sunday
    ['week', '2025-04-15', WEEK], // Tuesday
    ['week', '2025-04-16', WEEK], // Wednesday
    ['week', '2025-04-17', WEEK], // Thursday
    ['week', '2025-04-18', WEEK], // Friday
    ['week', '2025-04-19', WEEK], // Saturday
    ['week', '2025-04-20', WEEK], // Sunday
    ['week', '2025-01-01', WEEK], // a Wednesday, although 1 January
    ['month', '2025-04-02', MONTH],
    ['month', '2025-04-30', MONTH],
    ['month', '2024-02-29', MONTH],
    ['month', '2025-12-31', MONTH],
    // season: only 1 Mar, 1 Jun, 1 Sep, 1 Dec
    ['season', '2025-01-01', SEASON],
    ['season', '2025-02-01', SEASON],
    ['season', '2025-04-01', SEASON],
    ['season', '2025-05-01', SEASON],
    ['season', '2025-07-01', SEASON],
    ['season', '2025-08-01', SEASON],
    ['season', '2025-10-01', SEASON],
    ['season', '2025-11-01', SEASON],
    ['season', '2025-03-02', SEASON],
    ['season', '2025-03-21', SEASON],
    ['season', '2025-09-22', SEASON],
    ['season', '2025-12-21', SEASON],
    ['season', '2025-02-28', SEASON],
    // year: only 1 January
    ['year', '2025-01-02', YEAR],
    ['year', '2025-02-01', YEAR],
    ['year', '2025-12-01', YEAR],
    ['year', '2025-12-31', YEAR],
    ['year', '2025-03-01', YEAR],
];

describe('alignmentProblem', () => {
  it.each(ALIGNED)('accepts %s %s', (precision, date) => {
    expect(alignmentProblem(ms(date), precision)).toBeNull();
  });

  it.each(MISALIGNED)('refuses %s %s', (precision, date, reason) => {
    expect(alignmentProblem(ms(date), precision)).toBe(reason);
  });

  it('is tested aligned for every precision, and misaligned for every precision that can be', () => {
    expect(new Set(ALIGNED.map(([p]) => p))).toEqual(new Set(DATE_PRECISIONS));
    expect(new Set(MISALIGNED.map(([p]) => p))).toEqual(new Set(['week', 'month', 'season', 'year']));
  });
});

const PERIOD_ENDS: [DatePrecision, string, string][] = [
    // an exact instant is its own period
    ['exact', '2025-04-24T22:30Z', '2025-04-24T22:30:00.000Z'],
    ['exact', '2025-04-24T22:30+03:00', '2025-04-24T19:30:00.000Z'],
    ['day', '2025-04-24', '2025-04-25T00:00:00.000Z'],
    ['day', '2024-02-28', '2024-02-29T00:00:00.000Z'],
    ['day', '2024-02-29', '2024-03-01T00:00:00.000Z'],
    ['day', '2025-02-28', '2025-03-01T00:00:00.000Z'],
    ['day', '2024-12-31', '2025-01-01T00:00:00.000Z'],
    ['week', '2025-04-14', '2025-04-21T00:00:00.000Z'],
    ['week', '2024-12-30', '2025-01-06T00:00:00.000Z'],
    ['week', '2024-02-26', '2024-03-04T00:00:00.000Z'],
    ['week', '2025-02-24', '2025-03-03T00:00:00.000Z'],
    ['month', '2025-04-01', '2025-05-01T00:00:00.000Z'],
    ['month', '2025-01-01', '2025-02-01T00:00:00.000Z'],
    ['month', '2024-02-01', '2024-03-01T00:00:00.000Z'],
    ['month', '2025-02-01', '2025-03-01T00:00:00.000Z'],
    ['month', '2025-12-01', '2026-01-01T00:00:00.000Z'],
    ['season', '2025-03-01', '2025-06-01T00:00:00.000Z'],
    ['season', '2025-06-01', '2025-09-01T00:00:00.000Z'],
    ['season', '2022-09-01', '2022-12-01T00:00:00.000Z'],
    ['season', '2024-12-01', '2025-03-01T00:00:00.000Z'],
    ['season', '2023-12-01', '2024-03-01T00:00:00.000Z'],
    ['year', '2018-01-01', '2019-01-01T00:00:00.000Z'],
    ['year', '2024-01-01', '2025-01-01T00:00:00.000Z'],
    ['year', '2025-01-01', '2026-01-01T00:00:00.000Z'],
];

describe('periodEnd', () => {
  it.each(PERIOD_ENDS)('a %s from %s ends (exclusive) at %s', (precision, start, end) => {
    expect(iso(periodEnd(ms(start), precision))).toBe(end);
  });

  it('is tested for every precision', () => {
    expect(new Set(PERIOD_ENDS.map(([p]) => p))).toEqual(new Set(DATE_PRECISIONS));
  });

  it.each<[DatePrecision, string, number]>([
    ['exact', '2025-04-24T22:30Z', 0],
    ['day', '2025-03-30', 1],
    ['week', '2025-04-14', 7],
    ['month', '2024-02-01', 29],
    ['month', '2025-02-01', 28],
    ['month', '2025-04-01', 30],
    ['month', '2025-03-01', 31],
    // winter 2024: Dec 31 + Jan 31 + Feb 28 (2025 is not a leap year)
    ['season', '2024-12-01', 90],
    // winter 2023: Dec 31 + Jan 31 + Feb 29 (2024 is a leap year)
    ['season', '2023-12-01', 91],
    ['season', '2025-06-01', 92],
    ['year', '2024-01-01', 366],
    ['year', '2025-01-01', 365],
    ['year', '2000-01-01', 366],
    ['year', '1900-01-01', 365],
  ])('a %s from %s lasts %d days', (precision, start, days) => {
    const startMs = ms(start);
    expect(periodEnd(startMs, precision) - startMs).toBe(days * MS_PER_DAY);
  });
});

describe('seasonName', () => {
  it.each<[number, string]>([
    [3, 'spring'],
    [6, 'summer'],
    [9, 'fall'],
    [12, 'winter'],
    // any other month does not start a season
    [1, 'season'],
    [2, 'season'],
    [4, 'season'],
    [5, 'season'],
    [7, 'season'],
    [8, 'season'],
    [10, 'season'],
    [11, 'season'],
    [0, 'season'],
    [13, 'season'],
  ])('month %d -> %s', (month, name) => {
    expect(seasonName(month)).toBe(name);
  });

  it('names exactly four seasons, by their start month', () => {
    expect(SEASON_BY_START_MONTH).toEqual({ 3: 'spring', 6: 'summer', 9: 'fall', 12: 'winter' });
  });
});

describe('parseDateForPrecision', () => {
  it.each<[string, DatePrecision, number]>([
    ['2025-04-24T22:30Z', 'exact', 1_745_533_800_000],
    ['2025-04-25', 'day', 1_745_539_200_000],
    ['2025-04-14', 'week', Date.parse('2025-04-14T00:00:00Z')],
    ['2025-04-01', 'month', Date.parse('2025-04-01T00:00:00Z')],
    ['2022-09-01', 'season', Date.parse('2022-09-01T00:00:00Z')],
    ['2018-01-01', 'year', Date.parse('2018-01-01T00:00:00Z')],
  ])('parses %s as %s', (text, precision, expected) => {
    expect(parseDateForPrecision(text, precision)).toEqual({ ok: true, ms: expected });
  });

  it('wants a date-time with an offset for "exact"', () => {
    expect(parseDateForPrecision('2025-04-24', 'exact')).toEqual({
      ok: false,
      reason: 'expected an ISO 8601 date-time with an offset (YYYY-MM-DDTHH:MMZ), got "2025-04-24"',
    });
  });

  it.each<DatePrecision>(['day', 'week', 'month', 'season', 'year'])('wants a calendar date for "%s"', (precision) => {
    expect(parseDateForPrecision('2025-04-24T22:30Z', precision)).toEqual({
      ok: false,
      reason: 'expected a calendar date as YYYY-MM-DD, got "2025-04-24T22:30Z"',
    });
  });
});

describe('periodStart', () => {
  // 25 Apr 2025 is a Friday; 21 Apr a Monday; 1 Jan 2025 a Wednesday whose week starts on Monday 30 Dec 2024.
  it.each<[string, DatePrecision, string]>([
    ['2025-04-25T15:45:00.000Z', 'exact', '2025-04-25T15:45:00.000Z'],
    ['2025-04-25T15:45:00.000Z', 'day', '2025-04-25T00:00:00.000Z'],
    ['2025-04-25T15:45:00.000Z', 'week', '2025-04-21T00:00:00.000Z'],
    ['2025-04-21T00:00:00.000Z', 'week', '2025-04-21T00:00:00.000Z'],
    ['2025-04-27T23:59:00.000Z', 'week', '2025-04-21T00:00:00.000Z'],
    ['2025-01-01T00:00:00.000Z', 'week', '2024-12-30T00:00:00.000Z'],
    ['2025-04-25T00:00:00.000Z', 'month', '2025-04-01T00:00:00.000Z'],
    ['2025-04-25T00:00:00.000Z', 'season', '2025-03-01T00:00:00.000Z'],
    ['2022-11-30T00:00:00.000Z', 'season', '2022-09-01T00:00:00.000Z'],
    ['2025-02-28T00:00:00.000Z', 'season', '2024-12-01T00:00:00.000Z'],
    ['2025-12-31T00:00:00.000Z', 'season', '2025-12-01T00:00:00.000Z'],
    ['2025-04-25T00:00:00.000Z', 'year', '2025-01-01T00:00:00.000Z'],
  ])('%s at %s starts at %s', (at, precision, expected) => {
    const start = periodStart(Date.parse(at), precision);
    expect(iso(start)).toBe(expected);
    expect(alignmentProblem(start, precision)).toBeNull();
  });
});
