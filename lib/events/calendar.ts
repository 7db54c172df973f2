/**
 * Calendar arithmetic on UTC instants (epoch milliseconds). Pure: never reads the current time.
 * Story dates are calendar dates; they are interpreted in UTC so that every machine agrees.
 */

export const MS_PER_SECOND = 1_000;
export const MS_PER_MINUTE = 60 * MS_PER_SECOND;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;
export const MS_PER_WEEK = 7 * MS_PER_DAY;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export type DateCheck = { ok: true; ms: number } | { ok: false; reason: string };

/** UTC midnight of a calendar day; unlike `Date.UTC`, years 0-99 are taken literally. */
export function utcMidnight(year: number, month1: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month1 - 1, day);
  return date.getTime();
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(utcMidnight(year, month1 + 1, 0)).getUTCDate();
}

function checkCalendarParts(year: number, month: number, day: number, text: string): DateCheck {
  if (month < 1 || month > 12) {
    return { ok: false, reason: `impossible date "${text}": there is no month ${month}` };
  }
  const maxDay = daysInMonth(year, month);
  if (day < 1 || day > maxDay) {
    return {
      ok: false,
      reason: `impossible date "${text}": ${MONTH_NAMES[month - 1]} ${year} has ${maxDay} days`,
    };
  }
  return { ok: true, ms: utcMidnight(year, month, day) };
}

/** Parses a calendar date `YYYY-MM-DD` into the UTC midnight that starts it. */
export function parseCalendarDate(text: string): DateCheck {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return { ok: false, reason: `expected a calendar date as YYYY-MM-DD, got "${text}"` };
  return checkCalendarParts(Number(match[1]), Number(match[2]), Number(match[3]), text);
}

/** Parses an ISO 8601 date-time with an explicit offset (`2025-04-24T22:30Z`, `...+03:00`). */
export function parseDateTime(text: string): DateCheck {
  const match = DATE_TIME.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `expected an ISO 8601 date-time with an offset (YYYY-MM-DDTHH:MMZ), got "${text}"`,
    };
  }
  const [, y, mo, d, h, mi, s = '0', frac = '0', offset] = match;
  const date = checkCalendarParts(Number(y), Number(mo), Number(d), text);
  if (!date.ok) return date;
  const hours = Number(h);
  const minutes = Number(mi);
  const seconds = Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) {
    return { ok: false, reason: `impossible time of day in "${text}"` };
  }
  let offsetMs = 0;
  if (offset && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const [oh = 0, om = 0] = offset.slice(1).split(':').map(Number);
    if (oh > 23 || om > 59) return { ok: false, reason: `impossible UTC offset "${offset}" in "${text}"` };
    offsetMs = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  const millis = Number(frac.padEnd(3, '0'));
  return {
    ok: true,
    ms: date.ms + hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + millis - offsetMs,
  };
}

/** The UTC instant as `YYYY-MM-DD`. */
export function toCalendarDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Adds calendar months, keeping the time of day; a day past the end of the month overflows (31 Jan + 1 = 3 Mar). */
export function addUtcMonths(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

/** UTC midnight at the start of the day holding `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

export function utcParts(ms: number): { year: number; month: number; day: number; weekday: number } {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}
