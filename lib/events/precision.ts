import { assertNever } from '../assertNever';
import {
  MS_PER_DAY,
  MS_PER_WEEK,
  addUtcMonths,
  parseCalendarDate,
  parseDateTime,
  startOfUtcDay,
  utcMidnight,
  utcParts,
  type DateCheck,
} from './calendar';

/**
 * How precisely a story date is known. A date is always written as the first day of its period
 * (or, for `exact`, the instant itself), so "week of 14 Apr 2025" is `{ date: '2025-04-14', precision: 'week' }`.
 */
export const DATE_PRECISIONS = ['exact', 'day', 'week', 'month', 'season', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Meteorological seasons of the northern hemisphere, keyed by the month (1-12) that starts them. */
export const SEASON_BY_START_MONTH = { 3: 'spring', 6: 'summer', 9: 'fall', 12: 'winter' } as const;
type SeasonStartMonth = keyof typeof SEASON_BY_START_MONTH;

function isSeasonStartMonth(month: number): month is SeasonStartMonth {
  return month in SEASON_BY_START_MONTH;
}

export function seasonName(startMonth: number): string {
  return isSeasonStartMonth(startMonth) ? SEASON_BY_START_MONTH[startMonth] : 'season';
}

/** Parses a date written for the given precision: a date-time for `exact`, a calendar date otherwise. */
export function parseDateForPrecision(text: string, precision: DatePrecision): DateCheck {
  return precision === 'exact' ? parseDateTime(text) : parseCalendarDate(text);
}

/** Why a date does not start the period its precision names, or `null` when it does. */
export function alignmentProblem(ms: number, precision: DatePrecision): string | null {
  const { month, day, weekday } = utcParts(ms);
  switch (precision) {
    case 'exact':
    case 'day':
      return null;
    case 'week':
      return weekday === 1 ? null : 'a date with precision "week" must be the Monday that starts the week';
    case 'month':
      return day === 1 ? null : 'a date with precision "month" must be the first day of the month';
    case 'season':
      return day === 1 && isSeasonStartMonth(month)
        ? null
        : 'a date with precision "season" must be 1 March, 1 June, 1 September or 1 December';
    case 'year':
      return day === 1 && month === 1 ? null : 'a date with precision "year" must be 1 January';
    default:
      return assertNever(precision, 'precision');
  }
}

/** The end (exclusive) of the period that starts at `startMs`. An exact instant is its own period. */
export function periodEnd(startMs: number, precision: DatePrecision): number {
  switch (precision) {
    case 'exact':
      return startMs;
    case 'day':
      return startMs + MS_PER_DAY;
    case 'week':
      return startMs + MS_PER_WEEK;
    case 'month':
      return addUtcMonths(startMs, 1);
    case 'season':
      return addUtcMonths(startMs, 3);
    case 'year':
      return addUtcMonths(startMs, 12);
    default:
      return assertNever(precision, 'precision');
  }
}

/**
 * The start of the period of the given precision that holds `ms` (the aligned date a story writes):
 * the day's midnight, the Monday of its week, the 1st of its month, the first day of its meteorological
 * season (Jan and Feb belong to the winter that started the December before), 1 January. `exact` keeps the instant.
 */
export function periodStart(ms: number, precision: DatePrecision): number {
  const { year, month } = utcParts(ms);
  switch (precision) {
    case 'exact':
      return ms;
    case 'day':
      return startOfUtcDay(ms);
    case 'week': {
      const day = startOfUtcDay(ms);
      return day - ((utcParts(day).weekday + 6) % 7) * MS_PER_DAY;
    }
    case 'month':
      return utcMidnight(year, month, 1);
    case 'season':
      return month <= 2 ? utcMidnight(year - 1, 12, 1) : utcMidnight(year, month - ((month - 3) % 3), 1);
    case 'year':
      return utcMidnight(year, 1, 1);
    default:
      return assertNever(precision, 'precision');
  }
}
