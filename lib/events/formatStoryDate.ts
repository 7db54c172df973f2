import { assertNever } from '../assertNever';
import { utcParts } from './calendar';
import { parseDateForPrecision, seasonName, type DatePrecision } from './precision';
import type { Dated, StoryTime } from './schema';

const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function monthAbbr(month1: number): string {
  return MONTH_ABBREVIATIONS[month1 - 1] ?? '?';
}

/** A UTC instant as "25 Apr 2025". */
export function formatDay(ms: number): string {
  const { year, month, day } = utcParts(ms);
  return `${day} ${monthAbbr(month)} ${year}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A period written as precisely as it is known: "25 Apr 2025", "week of 14 Apr 2025", "fall 2022", "2018". */
export function formatPeriod(ms: number, precision: DatePrecision): string {
  const { year, month } = utcParts(ms);
  switch (precision) {
    case 'exact': {
      const d = new Date(ms);
      return `${formatDay(ms)}, ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`;
    }
    case 'day':
      return formatDay(ms);
    case 'week':
      return `week of ${formatDay(ms)}`;
    case 'month':
      return `${monthAbbr(month)} ${year}`;
    case 'season':
      return `${seasonName(month)} ${year}`;
    case 'year':
      return String(year);
    default:
      return assertNever(precision, 'precision');
  }
}

function formatDated(dated: Dated): string {
  const parsed = parseDateForPrecision(dated.date, dated.precision);
  return parsed.ok ? formatPeriod(parsed.ms, dated.precision) : dated.date;
}

/** The event's time for people: its precision is always visible, a missing bound is said, never guessed. */
export function formatStoryTime(time: StoryTime): string {
  if (time.kind === 'point') return formatDated(time);
  if (time.start && time.end) return `${formatDated(time.start)} – ${formatDated(time.end)}`;
  if (time.end) return `date not given (by ${formatDated(time.end)})`;
  if (time.start) return `from ${formatDated(time.start)}`;
  return 'date unknown';
}

/** A short label for how precise the time is, for badges ("day", "approximate: week", "range"). */
export function precisionLabel(time: StoryTime): string {
  if (time.kind === 'point') return time.precision === 'exact' || time.precision === 'day' ? time.precision : `approximate: ${time.precision}`;
  return time.start ? 'approximate: range' : 'date not given';
}
