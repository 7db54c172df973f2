import { describe, expect, it } from 'vitest';
import { describeDuration, gapLabel } from '@/lib/timeline/gapLabel';
import { DAY, HOUR, utc } from './fixtures';

describe('describeDuration', () => {
  it.each<[string, number, number, string]>([
    ['three calendar years', utc(2019, 1, 1), utc(2022, 1, 1), '3 years'],
    ['years and months', utc(2019, 1, 1), utc(2022, 3, 1), '3 years 2 months'],
    ['one year one month', utc(2020, 6, 15), utc(2021, 7, 15), '1 year 1 month'],
    ['rounded to the nearest month (up)', utc(2020, 1, 1), utc(2020, 5, 20), '5 months'],
    ['rounded to the nearest month (down)', utc(2020, 1, 1), utc(2020, 5, 10), '4 months'],
    ['just under a year rounds to a year', utc(2020, 1, 1), utc(2020, 12, 25), '1 year'],
    ['under a month: days', utc(2020, 1, 1), utc(2020, 1, 13), '12 days'],
    ['one day', 0, DAY, '1 day'],
    ['under a day: hours', 0, 6 * HOUR, '6 hours'],
  ])('%s', (_name, fromMs, toMs, expected) => {
    expect(describeDuration(fromMs, toMs)).toBe(expected);
  });

  it('labels a gap with its length and its dates', () => {
    expect(gapLabel(utc(2019, 1, 1), utc(2022, 3, 1))).toBe('gap: 3 years 2 months without events (1 Jan 2019 – 1 Mar 2022)');
  });
});
