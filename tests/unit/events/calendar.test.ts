import { describe, expect, it } from 'vitest';
import {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  MS_PER_WEEK,
  addUtcMonths,
  daysInMonth,
  parseCalendarDate,
  parseDateTime,
  startOfUtcDay,
  toCalendarDate,
  utcParts,
} from '@/lib/events/calendar';

/** ISO instant -> epoch ms, via the platform parser (an oracle independent of the code under test). */
const iso = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${text}`);
  return ms;
};

describe('time unit constants', () => {
  it.each([
    ['MS_PER_SECOND', MS_PER_SECOND, 1_000],
    ['MS_PER_MINUTE', MS_PER_MINUTE, 60_000],
    ['MS_PER_HOUR', MS_PER_HOUR, 3_600_000],
    ['MS_PER_DAY', MS_PER_DAY, 86_400_000],
    ['MS_PER_WEEK', MS_PER_WEEK, 604_800_000],
  ])('%s is %d', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('parseCalendarDate', () => {
  it.each<[string, number]>([
    ['2025-04-25', 1_745_539_200_000],
    ['2025-01-01', 1_735_689_600_000],
    ['1970-01-01', 0],
    ['1969-12-31', -86_400_000],
    ['2025-12-31', iso('2025-12-31T00:00:00Z')],
    ['2025-04-30', iso('2025-04-30T00:00:00Z')],
    ['2025-02-28', iso('2025-02-28T00:00:00Z')],
    // leap years: divisible by 4, except centuries, except every fourth century
    ['2024-02-29', 1_709_164_800_000],
    ['2000-02-29', 951_782_400_000],
    ['2400-02-29', iso('2400-02-29T00:00:00Z')],
    ['1904-02-29', iso('1904-02-29T00:00:00Z')],
    ['9999-12-31', iso('9999-12-31T00:00:00Z')],
  ])('parses %s to the UTC midnight that starts it', (text, ms) => {
    expect(parseCalendarDate(text)).toEqual({ ok: true, ms });
  });

  it.each<[string, string]>([
    ['2023-02-29', 'impossible date "2023-02-29": February 2023 has 28 days'],
    ['1900-02-29', 'impossible date "1900-02-29": February 1900 has 28 days'],
    ['2100-02-29', 'impossible date "2100-02-29": February 2100 has 28 days'],
    ['2024-02-30', 'impossible date "2024-02-30": February 2024 has 29 days'],
    ['2025-02-30', 'impossible date "2025-02-30": February 2025 has 28 days'],
    ['2025-04-31', 'impossible date "2025-04-31": April 2025 has 30 days'],
    ['2025-06-31', 'impossible date "2025-06-31": June 2025 has 30 days'],
    ['2025-09-31', 'impossible date "2025-09-31": September 2025 has 30 days'],
    ['2025-11-31', 'impossible date "2025-11-31": November 2025 has 30 days'],
    ['2025-01-32', 'impossible date "2025-01-32": January 2025 has 31 days'],
    ['2025-12-32', 'impossible date "2025-12-32": December 2025 has 31 days'],
    ['2025-01-00', 'impossible date "2025-01-00": January 2025 has 31 days'],
    ['2025-01-99', 'impossible date "2025-01-99": January 2025 has 31 days'],
    ['2025-13-01', 'impossible date "2025-13-01": there is no month 13'],
    ['2025-00-10', 'impossible date "2025-00-10": there is no month 0'],
    ['2025-99-99', 'impossible date "2025-99-99": there is no month 99'],
  ])('refuses the impossible date %s', (text, reason) => {
    expect(parseCalendarDate(text)).toEqual({ ok: false, reason });
  });

  it.each([
    '',
    '2025',
    '2025-04',
    '2025-4-25',
    '2025-04-5',
    '25-04-2025',
    '2025/04/25',
    '20250425',
    ' 2025-04-25',
    '2025-04-25 ',
    '2025-04-25\n',
    '2025-04-25T00:00Z',
    '+2025-04-25',
    '12025-04-25',
    'abcd-ef-gh',
    '25 April 2025',
    '２０２５-04-25',
  ])('refuses the malformed string %j', (text) => {
    expect(parseCalendarDate(text)).toEqual({ ok: false, reason: `expected a calendar date as YYYY-MM-DD, got "${text}"` });
  });
});

describe('parseDateTime', () => {
  it.each<[string, number]>([
    ['2025-04-24T22:30Z', 1_745_533_800_000],
    ['2025-04-24T22:30:00Z', 1_745_533_800_000],
    ['2025-04-24T22:30+00:00', 1_745_533_800_000],
    ['2025-04-24T22:30-00:00', 1_745_533_800_000],
    // a positive offset is ahead of UTC: 22:30 in Moscow is 19:30 UTC
    ['2025-04-24T22:30+03:00', 1_745_523_000_000],
    ['2025-04-24T22:30+03:00', iso('2025-04-24T19:30:00Z')],
    // a negative offset is behind UTC: 22:30 at -05:30 is 04:00 UTC the next day
    ['2025-04-24T22:30-05:30', 1_745_553_600_000],
    ['2025-04-24T22:30-05:30', iso('2025-04-25T04:00:00Z')],
    ['2025-04-24T10:15+05:45', iso('2025-04-24T04:30:00Z')],
    // offsets move the instant across a year end, both ways
    ['2025-01-01T01:30+03:00', iso('2024-12-31T22:30:00Z')],
    ['2024-12-31T23:30-05:30', iso('2025-01-01T05:00:00Z')],
    ['2024-02-29T00:00Z', 1_709_164_800_000],
    ['1970-01-01T00:00Z', 0],
    ['2025-04-24T00:00Z', iso('2025-04-24T00:00:00Z')],
    ['2025-04-24T23:59:59Z', iso('2025-04-24T23:59:59Z')],
    // seconds and fractions of a second
    ['2025-04-24T22:30:15Z', 1_745_533_815_000],
    ['2025-04-24T22:30:15.5Z', 1_745_533_815_500],
    ['2025-04-24T22:30:15.05Z', 1_745_533_815_050],
    ['2025-04-24T22:30:15.123Z', 1_745_533_815_123],
    ['2025-04-24T22:30:15.123+03:00', iso('2025-04-24T19:30:15.123Z')],
  ])('parses %s to %d', (text, ms) => {
    expect(parseDateTime(text)).toEqual({ ok: true, ms });
  });

  it.each<[string, string]>([
    ['2025-04-24T24:00Z', 'impossible time of day in "2025-04-24T24:00Z"'],
    ['2025-04-24T10:60Z', 'impossible time of day in "2025-04-24T10:60Z"'],
    ['2025-04-24T10:30:60Z', 'impossible time of day in "2025-04-24T10:30:60Z"'],
    ['2025-04-24T99:99+03:00', 'impossible time of day in "2025-04-24T99:99+03:00"'],
  ])('refuses the impossible time %s', (text, reason) => {
    expect(parseDateTime(text)).toEqual({ ok: false, reason });
  });

  it.each<[string, string]>([
    ['2025-02-29T10:00Z', 'impossible date "2025-02-29T10:00Z": February 2025 has 28 days'],
    ['2025-04-31T10:00+03:00', 'impossible date "2025-04-31T10:00+03:00": April 2025 has 30 days'],
    ['2025-13-01T10:00Z', 'impossible date "2025-13-01T10:00Z": there is no month 13'],
  ])('refuses the impossible date in %s', (text, reason) => {
    expect(parseDateTime(text)).toEqual({ ok: false, reason });
  });

  it.each([
    '2025-04-24',
    '2025-04-24T22:30',
    '2025-04-24T22:30:00',
    '2025-04-24 22:30Z',
    '2025-04-24T2230Z',
    '2025-04-24T22Z',
    '2025-04-24T22:30z',
    '2025-04-24T22:30+03',
    '2025-04-24T22:30+0300',
    '2025-04-24T22:30:15.1234Z',
    '2025-04-24T22:30:15.Z',
    '2025-04-24T22:30UTC',
    '2025-04-24T22:30 Z',
    'T22:30Z',
    '',
  ])('refuses the malformed date-time %j', (text) => {
    expect(parseDateTime(text)).toEqual({
      ok: false,
      reason: `expected an ISO 8601 date-time with an offset (YYYY-MM-DDTHH:MMZ), got "${text}"`,
    });
  });
});

describe('daysInMonth', () => {
  it.each<[number, number, number]>([
    [2025, 1, 31],
    [2025, 2, 28],
    [2025, 3, 31],
    [2025, 4, 30],
    [2025, 5, 31],
    [2025, 6, 30],
    [2025, 7, 31],
    [2025, 8, 31],
    [2025, 9, 30],
    [2025, 10, 31],
    [2025, 11, 30],
    [2025, 12, 31],
    [2024, 2, 29],
    [2023, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2100, 2, 28],
    [2400, 2, 29],
  ])('%d-%d has %d days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('addUtcMonths', () => {
  it.each<[string, number, string]>([
    ['2025-04-01T00:00:00.000Z', 1, '2025-05-01T00:00:00.000Z'],
    ['2025-04-01T00:00:00.000Z', 0, '2025-04-01T00:00:00.000Z'],
    ['2025-01-15T00:00:00.000Z', 3, '2025-04-15T00:00:00.000Z'],
    // across year ends, forwards and backwards
    ['2025-12-01T00:00:00.000Z', 1, '2026-01-01T00:00:00.000Z'],
    ['2024-12-01T00:00:00.000Z', 3, '2025-03-01T00:00:00.000Z'],
    ['2025-11-15T00:00:00.000Z', 14, '2027-01-15T00:00:00.000Z'],
    ['2025-01-01T00:00:00.000Z', -1, '2024-12-01T00:00:00.000Z'],
    ['2025-03-01T00:00:00.000Z', -12, '2024-03-01T00:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', 12, '2025-03-01T00:00:00.000Z'],
    // hours and minutes are kept
    ['2025-04-24T22:30:00.000Z', 1, '2025-05-24T22:30:00.000Z'],
    // Month-length edges: the day of the month is kept and overflows into the next month
    // (Date.UTC semantics), it is NOT clamped to the last day of the shorter month.
    ['2025-01-31T00:00:00.000Z', 1, '2025-03-03T00:00:00.000Z'],
    ['2024-01-31T00:00:00.000Z', 1, '2024-03-02T00:00:00.000Z'],
    ['2025-03-31T00:00:00.000Z', 1, '2025-05-01T00:00:00.000Z'],
    ['2025-03-31T00:00:00.000Z', -1, '2025-03-03T00:00:00.000Z'],
    ['2025-08-31T00:00:00.000Z', 1, '2025-10-01T00:00:00.000Z'],
  ])('%s + %d month(s) = %s', (from, months, to) => {
    expect(new Date(addUtcMonths(iso(from), months)).toISOString()).toBe(to);
  });

  it('keeps seconds and milliseconds', () => {
    expect(new Date(addUtcMonths(iso('2025-01-01T10:20:30.400Z'), 1)).toISOString()).toBe('2025-02-01T10:20:30.400Z');
  });
});

describe('startOfUtcDay', () => {
  it.each<[string, string]>([
    ['2025-04-24T00:00:00.000Z', '2025-04-24T00:00:00.000Z'],
    ['2025-04-24T00:00:00.001Z', '2025-04-24T00:00:00.000Z'],
    ['2025-04-24T12:00:00.000Z', '2025-04-24T00:00:00.000Z'],
    ['2025-04-24T23:59:59.999Z', '2025-04-24T00:00:00.000Z'],
    ['2024-02-29T18:45:00.000Z', '2024-02-29T00:00:00.000Z'],
    ['1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z'],
    // before the epoch it still rounds down to the previous midnight, not towards zero
    ['1969-12-31T23:59:59.999Z', '1969-12-31T00:00:00.000Z'],
    ['1969-12-31T00:00:00.000Z', '1969-12-31T00:00:00.000Z'],
  ])('%s -> %s', (at, midnight) => {
    expect(new Date(startOfUtcDay(iso(at))).toISOString()).toBe(midnight);
  });

  it('uses the UTC day: 01:30 at +03:00 on 25 Apr is 22:30 UTC on 24 Apr', () => {
    const parsed = parseDateTime('2025-04-25T01:30+03:00');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(toCalendarDate(startOfUtcDay(parsed.ms))).toBe('2025-04-24');
  });
});

describe('toCalendarDate and utcParts', () => {
  it.each<[string, string, { year: number; month: number; day: number; weekday: number }]>([
    ['2025-04-25T00:00:00Z', '2025-04-25', { year: 2025, month: 4, day: 25, weekday: 5 }],
    ['2025-04-14T23:59:59Z', '2025-04-14', { year: 2025, month: 4, day: 14, weekday: 1 }],
    ['2024-02-29T12:00:00Z', '2024-02-29', { year: 2024, month: 2, day: 29, weekday: 4 }],
    ['2022-09-01T00:00:00Z', '2022-09-01', { year: 2022, month: 9, day: 1, weekday: 4 }],
    ['2025-04-20T00:00:00Z', '2025-04-20', { year: 2025, month: 4, day: 20, weekday: 0 }],
  ])('%s', (at, date, parts) => {
    expect(toCalendarDate(iso(at))).toBe(date);
    expect(utcParts(iso(at))).toEqual(parts);
  });

  it.each(['2025-04-25', '2024-02-29', '2000-02-29', '1969-12-31', '2025-12-31'])('round-trips %s', (text) => {
    const parsed = parseCalendarDate(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(toCalendarDate(parsed.ms)).toBe(text);
  });
});

describe('calendar edge cases', () => {
  it('parses years below 100 literally', () => {
    const fifty = parseCalendarDate('0050-01-01');
    expect(fifty).toEqual({ ok: true, ms: -60589296000000 });
    expect(parseCalendarDate('0000-02-29').ok).toBe(true);
    expect(daysInMonth(0, 2)).toBe(29);
    expect(parseCalendarDate('0100-02-29')).toEqual({ ok: false, reason: 'impossible date "0100-02-29": February 100 has 28 days' });
  });

  it.each(['2025-04-24T10:00+99:99', '2025-04-24T10:00+03:60', '2025-04-24T10:00-24:00'])('refuses the impossible offset in %s', (text) => {
    const parsed = parseDateTime(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/^impossible UTC offset/);
  });
});
