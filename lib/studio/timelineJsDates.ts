import { addUtcMonths, MS_PER_DAY, parseDateTime, utcParts } from '../events/calendar';
import { formatPeriod } from '../events/formatStoryDate';
import { alignmentProblem, DATE_PRECISIONS, parseDateForPrecision, periodEnd, SEASON_BY_START_MONTH, type DatePrecision } from '../events/precision';
import type { Dated, StoryTime } from '../events/schema';
import type { Checked } from './storyTimeJson';

/** A TimelineJS date object: a year, and as many smaller parts as are known (all numbers; times in UTC here). */
export interface TimelineJsDate {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  display_date?: string;
}

export interface TimelineJsDates {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function startMs(dated: Dated): number {
  const parsed = parseDateForPrecision(dated.date, dated.precision);
  if (!parsed.ok) throw new Error(`Unvalidated story date: ${parsed.reason}`);
  return parsed.ms;
}

/** The parts TimelineJS shows for an instant at a precision: a year is just the year, a month its year and month. */
function partsAt(ms: number, precision: 'exact' | 'day' | 'month' | 'year'): TimelineJsDate {
  const { year, month, day } = utcParts(ms);
  switch (precision) {
    case 'year':
      return { year };
    case 'month':
      return { year, month };
    case 'day':
      return { year, month, day };
    case 'exact': {
      const d = new Date(ms);
      const second = d.getUTCSeconds();
      return { year, month, day, hour: d.getUTCHours(), minute: d.getUTCMinutes(), ...(second !== 0 && { second }) };
    }
  }
}

/** TimelineJS has no week or season: a week is written as its days, a season as its months. */
const UNIT_OF: Record<DatePrecision, 'exact' | 'day' | 'month' | 'year'> = { exact: 'exact', day: 'day', week: 'day', month: 'month', season: 'month', year: 'year' };

/** The first part of a period (its first day, month or year). */
function firstPart(dated: Dated): TimelineJsDate {
  return partsAt(startMs(dated), UNIT_OF[dated.precision]);
}

/** The last part of a period: Sunday of a week, the third month of a season, the period itself otherwise. */
function lastPart(dated: Dated): TimelineJsDate {
  const start = startMs(dated);
  switch (dated.precision) {
    case 'week':
      return partsAt(periodEnd(start, 'week') - MS_PER_DAY, 'day');
    case 'season':
      return partsAt(addUtcMonths(start, 2), 'month');
    default:
      return firstPart(dated);
  }
}

/**
 * The TimelineJS dates of a story time: start and end dates that cover the period (a week from its Monday to its
 * Sunday, a season from its first to its third month, a range from the start of its start to the end of its end),
 * never a precise day for an imprecise time. `display_date` carries the source's words; a range with a missing
 * bound, which TimelineJS cannot draw (it needs a start), also says the bound it has ("by 25 Apr 2025").
 */
export function timelineJsDates(time: StoryTime): TimelineJsDates {
  if (time.kind === 'point') {
    const end = time.precision === 'week' || time.precision === 'season' ? lastPart(time) : undefined;
    return { start_date: firstPart(time), ...(end && { end_date: end }), display_date: time.asWritten };
  }
  const said = (dated: Dated) => formatPeriod(startMs(dated), dated.precision);
  if (time.start && time.end) return { start_date: firstPart(time.start), end_date: lastPart(time.end), display_date: time.asWritten };
  if (time.start) return { start_date: firstPart(time.start), display_date: `${time.asWritten} (from ${said(time.start)})` };
  if (time.end) return { start_date: firstPart(time.end), display_date: `${time.asWritten} (by ${said(time.end)})` };
  throw new Error('Unvalidated story time: a range needs a start or an end');
}

/** Whether two TimelineJS dates name the same parts (display words aside). */
export function sameTimelineJsDate(a: TimelineJsDate | undefined, b: TimelineJsDate | undefined): boolean {
  if (!a || !b) return a === b;
  return (['year', 'month', 'day', 'hour', 'minute', 'second'] as const).every((k) => (a[k] ?? 0) === (b[k] ?? 0) && (a[k] === undefined) === (b[k] === undefined));
}

const WHOLE = /^-?\d+$/;
const PART_RANGES = { month: [1, 12], day: [1, 31], hour: [0, 23], minute: [0, 59], second: [0, 59] } as const;

/** Reads a TimelineJS date object (numbers, or numbers written as strings as its spreadsheets give them). */
export function readTimelineJsDate(value: unknown, field: string): Checked<TimelineJsDate> {
  if (typeof value !== 'object' || value === null) return { ok: false, field, reason: 'expected a date object with at least a year' };
  const raw = value as Record<string, unknown>;
  const number = (key: string): number | undefined | null => {
    const v = raw[key];
    if (v === undefined || v === '' || v === null) return undefined;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && WHOLE.test(v.trim())) return Number(v.trim());
    return null;
  };
  const year = number('year');
  if (year === undefined || year === null) return { ok: false, field: `${field}.year`, reason: `expected a year, got ${JSON.stringify(raw.year ?? null)}` };
  if (year < 1 || year > 9999) return { ok: false, field: `${field}.year`, reason: `year ${year} is outside the years a story can date (1-9999)` };
  const date: TimelineJsDate = { year };
  for (const key of ['month', 'day', 'hour', 'minute', 'second'] as const) {
    const part = number(key);
    if (part === undefined) continue;
    const [min, max] = PART_RANGES[key];
    if (part === null || part < min || part > max) return { ok: false, field: `${field}.${key}`, reason: `expected a ${key} from ${min} to ${max}, got ${JSON.stringify(raw[key])}` };
    date[key] = part;
  }
  if (date.day !== undefined && date.month === undefined) return { ok: false, field: `${field}.month`, reason: 'a day without a month' };
  if (date.hour !== undefined && date.day === undefined) return { ok: false, field: `${field}.day`, reason: 'a time of day without a day' };
  if (typeof raw.display_date === 'string') date.display_date = raw.display_date;
  return { ok: true, value: date };
}

/** The story date of the period a TimelineJS date names, at the precision its parts give (an hour makes it exact). */
function datedOf(date: TimelineJsDate, field: string): Checked<Dated> {
  const { year, month, day, hour } = date;
  const ymd = `${String(year).padStart(4, '0')}-${pad2(month ?? 1)}-${pad2(day ?? 1)}`;
  const dated: Dated =
    hour !== undefined
      ? { date: `${ymd}T${pad2(hour)}:${pad2(date.minute ?? 0)}:${pad2(date.second ?? 0)}Z`, precision: 'exact' }
      : { date: ymd, precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year' };
  const parsed = dated.precision === 'exact' ? parseDateTime(dated.date) : parseDateForPrecision(dated.date, dated.precision);
  return parsed.ok ? { ok: true, value: dated } : { ok: false, field: `${field}.day`, reason: parsed.reason };
}

/** A week (Monday to Sunday, days) or a season (its three months) written as TimelineJS writes them here. */
function periodOf(start: Dated, end: Dated): Dated | undefined {
  const s = startMs(start);
  const e = startMs(end);
  if (start.precision === 'day' && end.precision === 'day' && utcParts(s).weekday === 1 && e - s === 6 * MS_PER_DAY) return { date: start.date, precision: 'week' };
  const startMonth = utcParts(s).month;
  if (start.precision === 'month' && end.precision === 'month' && startMonth in SEASON_BY_START_MONTH && addUtcMonths(s, 2) === e) return { date: start.date, precision: 'season' };
  return undefined;
}

/**
 * The story time of TimelineJS start and end dates: a point when they name one period (one day, month or year; a
 * Monday-to-Sunday week; a season's three months), else a range from the start's period to the end's. Nothing is
 * made more precise than the file says; `asWritten` is the file's display words (empty when it gives none).
 */
export function storyTimeOfTimelineJs(start: TimelineJsDate, end: TimelineJsDate | undefined, asWritten: string): Checked<StoryTime> {
  const first = datedOf(start, 'start_date');
  if (!first.ok) return first;
  if (!end) {
    const open = openRangeOf(first.value, asWritten);
    if (open) return { ok: true, value: open };
  }
  if (!end || sameTimelineJsDate(start, end)) return { ok: true, value: { kind: 'point', ...first.value, asWritten } };
  const last = datedOf(end, 'end_date');
  if (!last.ok) return last;
  const period = periodOf(first.value, last.value);
  if (period) return { ok: true, value: { kind: 'point', ...period, asWritten } };
  const endOfEnd = periodEnd(startMs(last.value), last.value.precision);
  if (endOfEnd <= startMs(first.value)) {
    return { ok: false, field: 'end_date', reason: `the end (${last.value.date}) is before the start (${first.value.date})` };
  }
  return { ok: true, value: { kind: 'range', start: first.value, end: last.value, asWritten } };
}

const OPEN_BOUND = /^(.*) \((by|from) ([^()]+)\)$/s;

/**
 * A range with one bound, as `timelineJsDates` writes it: a start date that is the bound, and display words ending
 * in "(by 25 Apr 2025)" or "(from week of 14 Apr 2025)". Read back only when the words name the start date exactly.
 */
function openRangeOf(start: Dated, words: string): StoryTime | undefined {
  const match = OPEN_BOUND.exec(words);
  if (!match || start.precision === 'exact') return undefined;
  const [, asWritten = '', side, period] = match;
  const ms = startMs(start);
  const precision = DATE_PRECISIONS.find((p) => p !== 'exact' && alignmentProblem(ms, p) === null && formatPeriod(ms, p) === period);
  if (!precision || asWritten.trim() === '') return undefined;
  const bound: Dated = { date: start.date, precision };
  return side === 'by' ? { kind: 'range', end: bound, asWritten } : { kind: 'range', start: bound, asWritten };
}
