import { MS_PER_DAY, MS_PER_HOUR, addUtcMonths, utcParts } from '../events/calendar';
import { formatDay } from '../events/formatStoryDate';

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** Whole calendar months from `fromMs` to `toMs`, rounded to the nearest month. */
function calendarMonthsBetween(fromMs: number, toMs: number): number {
  const a = utcParts(fromMs);
  const b = utcParts(toMs);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  while (months > 0 && addUtcMonths(fromMs, months) > toMs) months--;
  const reachedMs = addUtcMonths(fromMs, months);
  const nextMonthMs = addUtcMonths(fromMs, months + 1) - reachedMs;
  return 2 * (toMs - reachedMs) >= nextMonthMs ? months + 1 : months;
}

/**
 * How long a stretch of story time lasts, in words: "3 years 2 months", "5 months", "12 days", "6 hours" — calendar
 * years and months (rounded to the nearest month) from a month up, days below that, hours below a day.
 */
export function describeDuration(fromMs: number, toMs: number): string {
  const months = calendarMonthsBetween(fromMs, toMs);
  if (months >= 1) {
    const years = Math.floor(months / 12);
    const rest = months % 12;
    return [years > 0 ? plural(years, 'year') : '', rest > 0 ? plural(rest, 'month') : ''].filter(Boolean).join(' ');
  }
  const days = Math.round((toMs - fromMs) / MS_PER_DAY);
  if (days >= 1) return plural(days, 'day');
  return plural(Math.max(0, Math.round((toMs - fromMs) / MS_PER_HOUR)), 'hour');
}

/** The accessible label of a break in the axis: "gap: 3 years without events (1 Jan 2019 – 1 Jan 2022)". */
export function gapLabel(fromMs: number, toMs: number): string {
  return `gap: ${describeDuration(fromMs, toMs)} without events (${formatDay(fromMs)} – ${formatDay(toMs)})`;
}
