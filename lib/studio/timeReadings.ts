import type { ParsingComponents, ParsingResult } from 'chrono-node';
import { assertNever } from '../assertNever';
import { MS_PER_DAY, MS_PER_MINUTE, toCalendarDate, utcMidnight } from '../events/calendar';
import { DATE_PRECISIONS, periodEnd, periodStart, type DatePrecision } from '../events/precision';
import type { Dated } from '../events/schema';
import { ALSO_PERIOD_TAG, END_ONLY_TAG, PRECISION_TAG, START_ONLY_TAG } from './chronoStudio';

/** A story time without its words: one aligned period, or a range of aligned bounds. */
export type TimeReading = { kind: 'point'; date: string; precision: DatePrecision } | { kind: 'range'; start?: Dated; end?: Dated };

/** A date read from chrono's components: the instant that starts it, its precision, and its story form. */
export interface ReadDate {
  ms: number;
  dated: Dated;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function taggedPrecision(component: ParsingComponents): DatePrecision | null {
  for (const tag of component.tags()) {
    if (!tag.startsWith(PRECISION_TAG)) continue;
    const precision = DATE_PRECISIONS.find((p) => p === tag.slice(PRECISION_TAG.length));
    if (precision) return precision;
  }
  return null;
}

/** The precision the words support: exact only with a time of day and a zone; a weekday or a day of the month is a day. */
function inferredPrecision(component: ParsingComponents): DatePrecision | null {
  if (component.isCertain('hour') && component.isCertain('timezoneOffset')) return 'exact';
  if (component.isCertain('day') || component.isCertain('weekday')) return 'day';
  if (component.isCertain('month')) return 'month';
  if (component.isCertain('year')) return 'year';
  return null;
}

/** A calendar date (or, for `exact`, the instant) from chrono's components, snapped to the start of its period. */
export function readComponent(component: ParsingComponents, yearShift = 0): ReadDate | null {
  const precision = taggedPrecision(component) ?? inferredPrecision(component);
  if (!precision) return null;
  const year = (component.get('year') ?? 0) + yearShift;
  const month = component.get('month') ?? 1;
  const day = component.get('day') ?? 1;
  const midnight = utcMidnight(year, month, day);
  if (precision !== 'exact') {
    const start = periodStart(midnight, precision);
    return { ms: start, dated: { date: toCalendarDate(start), precision } };
  }
  const hour = component.get('hour') ?? 0;
  const minute = component.get('minute') ?? 0;
  const offset = component.get('timezoneOffset') ?? 0;
  return {
    ms: midnight + hour * 60 * MS_PER_MINUTE + minute * MS_PER_MINUTE - offset * MS_PER_MINUTE,
    dated: { date: `${toCalendarDate(midnight)}T${pad(hour)}:${pad(minute)}${offsetText(offset)}`, precision },
  };
}

const point = (read: ReadDate): TimeReading => ({ kind: 'point', date: read.dated.date, precision: read.dated.precision });

function alsoPeriod(found: ParsingResult): DatePrecision | null {
  for (const tag of found.tags()) {
    if (tag.startsWith(ALSO_PERIOD_TAG)) return DATE_PRECISIONS.find((p) => p === tag.slice(ALSO_PERIOD_TAG.length)) ?? null;
  }
  return null;
}

/**
 * The story times one parse result can mean, most likely first. A date with no year that lands after
 * publication also gets the year before ("April 30" in a paper of 25 April 2025 may be 2024's).
 */
export function readingsOf(found: ParsingResult, publishedMs: number): TimeReading[] {
  const start = readComponent(found.start);
  if (!start) return [];
  const tags = found.tags();
  if (tags.has(END_ONLY_TAG)) return [{ kind: 'range', end: start.dated }];
  if (tags.has(START_ONLY_TAG)) return [{ kind: 'range', start: start.dated }];
  if (found.end) {
    const end = readComponent(found.end);
    if (!end || end.ms < start.ms) return [point(start)];
    const period = alsoPeriod(found);
    const range: TimeReading = { kind: 'range', start: start.dated, end: end.dated };
    if (!period) return [range];
    const periodMs = periodStart(start.ms, period);
    return [range, { kind: 'point', date: toCalendarDate(periodMs), precision: period }];
  }
  const readings = [point(start)];
  const yearGuessed = found.start.isCertain('month') && !found.start.isCertain('year');
  if (yearGuessed && start.ms >= publishedMs + MS_PER_DAY) {
    const yearBefore = readComponent(found.start, -1);
    if (yearBefore) readings.push(point(yearBefore));
  }
  return readings;
}

/** How the words before a date bound it: "since 2018", "after 1997", "before April 4", "by Monday". */
export type Boundary = 'since' | 'after' | 'before' | 'by';

const startOf = (reading: Extract<TimeReading, { kind: 'point' }>): ReadDate | null => {
  const ms = Date.parse(reading.precision === 'exact' ? reading.date : `${reading.date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : { ms, dated: { date: reading.date, precision: reading.precision } };
};

/** A point reading turned into the range its boundary word means; ranges and unbounded words are kept as they are. */
export function bounded(reading: TimeReading, boundary: Boundary | null, publishedMs: number): TimeReading {
  if (!boundary || reading.kind !== 'point') return reading;
  const read = startOf(reading);
  if (!read) return reading;
  const published: Dated = { date: toCalendarDate(publishedMs), precision: 'day' };
  const untilPublication = (from: ReadDate): TimeReading =>
    from.ms <= publishedMs ? { kind: 'range', start: from.dated, end: published } : { kind: 'range', start: from.dated };
  const precision = read.dated.precision === 'exact' ? 'day' : read.dated.precision;
  switch (boundary) {
    case 'since':
      return untilPublication(read);
    case 'after': {
      const next = read.dated.precision === 'exact' ? read.ms : periodEnd(read.ms, precision);
      const dated: Dated = read.dated.precision === 'exact' ? read.dated : { date: toCalendarDate(next), precision };
      return untilPublication({ ms: next, dated });
    }
    case 'before': {
      const previous = periodStart(periodStart(read.ms, precision) - MS_PER_DAY, precision);
      return { kind: 'range', end: { date: toCalendarDate(previous), precision } };
    }
    case 'by':
      return { kind: 'range', end: read.dated };
    default:
      return assertNever(boundary, 'boundary');
  }
}

/** How long a reading spans (ms), for ranking narrower readings first; an open side counts as endless. */
export function readingWidth(reading: TimeReading): number {
  const bounds = (dated: Dated) => {
    const read = startOf({ kind: 'point', date: dated.date, precision: dated.precision });
    return read ? { from: read.ms, to: periodEnd(read.ms, dated.precision) } : null;
  };
  if (reading.kind === 'point') {
    const b = bounds({ date: reading.date, precision: reading.precision });
    return b ? b.to - b.from : Number.POSITIVE_INFINITY;
  }
  const from = reading.start ? bounds(reading.start)?.from : undefined;
  const to = reading.end ? bounds(reading.end)?.to : undefined;
  return from === undefined || to === undefined ? Number.POSITIVE_INFINITY : to - from;
}
