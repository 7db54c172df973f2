import { describe, expect, it } from 'vitest';
import { formatDay, formatPeriod, formatStoryTime, precisionLabel } from '@/lib/events/formatStoryDate';
import { DATE_PRECISIONS, parseDateForPrecision, type DatePrecision } from '@/lib/events/precision';
import type { Dated, StoryTime } from '@/lib/events/schema';

function ms(text: string, precision: DatePrecision): number {
  const parsed = parseDateForPrecision(text, precision);
  if (!parsed.ok) throw new Error(`bad test date ${text}: ${parsed.reason}`);
  return parsed.ms;
}

const point = (date: string, precision: DatePrecision): StoryTime => ({ kind: 'point', date, precision, asWritten: 'as written' });
const range = (start: Dated | undefined, end: Dated | undefined): StoryTime => ({
  kind: 'range',
  ...(start && { start }),
  ...(end && { end }),
  asWritten: 'as written',
});
const day = (date: string): Dated => ({ date, precision: 'day' });

describe('formatDay', () => {
  it.each<[string, string]>([
    ['2025-01-05', '5 Jan 2025'],
    ['2025-02-28', '28 Feb 2025'],
    ['2025-03-01', '1 Mar 2025'],
    ['2025-04-25', '25 Apr 2025'],
    ['2025-05-09', '9 May 2025'],
    ['2025-06-30', '30 Jun 2025'],
    ['2025-07-04', '4 Jul 2025'],
    ['2025-08-31', '31 Aug 2025'],
    ['2025-09-01', '1 Sep 2025'],
    ['2025-10-10', '10 Oct 2025'],
    ['2025-11-11', '11 Nov 2025'],
    ['2025-12-31', '31 Dec 2025'],
    ['2024-02-29', '29 Feb 2024'],
  ])('%s -> %s', (date, text) => {
    expect(formatDay(ms(date, 'day'))).toBe(text);
  });

  it('uses the UTC day, whatever the offset the instant was written with', () => {
    expect(formatDay(ms('2025-04-25T01:30+03:00', 'exact'))).toBe('24 Apr 2025');
    expect(formatDay(ms('2025-04-24T22:30-05:30', 'exact'))).toBe('25 Apr 2025');
  });
});

const PERIODS: [DatePrecision, string, string][] = [
  ['exact', '2025-04-24T22:30Z', '24 Apr 2025, 22:30 UTC'],
  ['exact', '2025-04-25T01:30+03:00', '24 Apr 2025, 22:30 UTC'],
  ['exact', '2025-04-24T22:30-05:30', '25 Apr 2025, 04:00 UTC'],
  ['exact', '2025-04-24T09:05Z', '24 Apr 2025, 09:05 UTC'],
  ['exact', '2025-04-24T00:00Z', '24 Apr 2025, 00:00 UTC'],
  // seconds are not shown
  ['exact', '2025-04-24T09:05:59Z', '24 Apr 2025, 09:05 UTC'],
  ['day', '2025-04-25', '25 Apr 2025'],
  ['day', '2025-04-04', '4 Apr 2025'],
  ['week', '2025-04-14', 'week of 14 Apr 2025'],
  ['week', '2024-12-30', 'week of 30 Dec 2024'],
  ['month', '2025-04-01', 'Apr 2025'],
  ['month', '2025-01-01', 'Jan 2025'],
  ['month', '2024-12-01', 'Dec 2024'],
  ['season', '2025-03-01', 'spring 2025'],
  ['season', '2025-06-01', 'summer 2025'],
  ['season', '2022-09-01', 'fall 2022'],
  // a winter is named after the year it starts in
  ['season', '2024-12-01', 'winter 2024'],
  ['year', '2018-01-01', '2018'],
  ['year', '2022-01-01', '2022'],
];

describe('formatPeriod', () => {
  it.each(PERIODS)('%s %s -> %j', (precision, date, text) => {
    expect(formatPeriod(ms(date, precision), precision)).toBe(text);
  });

  it('is tested for every precision', () => {
    expect(new Set(PERIODS.map(([p]) => p))).toEqual(new Set(DATE_PRECISIONS));
  });
});

describe('formatStoryTime', () => {
  it.each<[string, StoryTime, string]>([
    // points: as precisely as known
    ['an exact point', point('2025-04-24T22:30Z', 'exact'), '24 Apr 2025, 22:30 UTC'],
    ['an exact point with an offset', point('2025-04-24T22:30+03:00', 'exact'), '24 Apr 2025, 19:30 UTC'],
    ['a day', point('2025-04-25', 'day'), '25 Apr 2025'],
    ['a week', point('2025-04-14', 'week'), 'week of 14 Apr 2025'],
    ['a month', point('2025-04-01', 'month'), 'Apr 2025'],
    ['a season', point('2022-09-01', 'season'), 'fall 2022'],
    ['a winter', point('2024-12-01', 'season'), 'winter 2024'],
    ['a year', point('2018-01-01', 'year'), '2018'],
    // two-sided ranges
    ['a range of days', range(day('2025-04-19'), day('2025-04-25')), '19 Apr 2025 – 25 Apr 2025'],
    ['a range from a month to a day', range({ date: '2025-01-01', precision: 'month' }, day('2025-04-24')), 'Jan 2025 – 24 Apr 2025'],
    ['a range of weeks', range({ date: '2025-04-07', precision: 'week' }, { date: '2025-04-14', precision: 'week' }), 'week of 7 Apr 2025 – week of 14 Apr 2025'],
    ['a range of exact instants', range({ date: '2025-04-24T08:00Z', precision: 'exact' }, { date: '2025-04-24T22:30Z', precision: 'exact' }), '24 Apr 2025, 08:00 UTC – 24 Apr 2025, 22:30 UTC'],
    // one-sided ranges: the missing bound is said, never guessed
    ['a range with only an end', range(undefined, day('2025-04-25')), 'date not given (by 25 Apr 2025)'],
    ['a range with only a month end', range(undefined, { date: '2025-04-01', precision: 'month' }), 'date not given (by Apr 2025)'],
    ['a range with only a start', range(day('2025-04-04'), undefined), 'from 4 Apr 2025'],
    ['a range with only a season start', range({ date: '2022-09-01', precision: 'season' }, undefined), 'from fall 2022'],
    ['a range with neither bound', range(undefined, undefined), 'date unknown'],
    // an unvalidated impossible date is shown as written rather than as a wrong date
    ['an impossible point', point('2025-02-30', 'day'), '2025-02-30'],
    ['an impossible range end', range(day('2025-02-01'), day('2025-02-30')), '1 Feb 2025 – 2025-02-30'],
  ])('%s', (_name, time, text) => {
    expect(formatStoryTime(time)).toBe(text);
  });

  it('separates a range with an en dash between spaces', () => {
    expect(formatStoryTime(range(day('2025-04-19'), day('2025-04-25')))).toContain(' \u2013 ');
  });
});

describe('precisionLabel', () => {
  it.each<[string, StoryTime, string]>([
    ['exact', point('2025-04-24T22:30Z', 'exact'), 'exact'],
    ['day', point('2025-04-25', 'day'), 'day'],
    ['week', point('2025-04-14', 'week'), 'approximate: week'],
    ['month', point('2025-04-01', 'month'), 'approximate: month'],
    ['season', point('2022-09-01', 'season'), 'approximate: season'],
    ['year', point('2018-01-01', 'year'), 'approximate: year'],
    ['a two-sided range', range(day('2025-04-19'), day('2025-04-25')), 'approximate: range'],
    ['a range with only a start', range(day('2025-04-19'), undefined), 'approximate: range'],
    ['a range with only an end', range(undefined, day('2025-04-25')), 'date not given'],
  ])('%s -> %j', (_name, time, label) => {
    expect(precisionLabel(time)).toBe(label);
  });
});
