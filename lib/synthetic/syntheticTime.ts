import { MS_PER_DAY, toCalendarDate, utcMidnight, utcParts } from '../events/calendar';
import { formatDay } from '../events/formatStoryDate';
import { periodStart, seasonName } from '../events/precision';
import { weighted } from './random';

/** A story time in the events.json form, with the words an article would use for it. */
export interface SyntheticTime {
  time: Record<string, unknown>;
  words: string;
}

const PRECISION_WEIGHTS = { day: 68, exact: 8, week: 8, month: 5, season: 2, year: 2, range: 4, endOnly: 3 } as const;

const pad = (n: number) => String(n).padStart(2, '0');


/** A time around the day `dayMs`, at a randomly chosen precision, never more precise than the words say. */
export function syntheticTime(random: () => number, dayMs: number): SyntheticTime {
  const kind = weighted(random, PRECISION_WEIGHTS);
  const { year, month } = utcParts(dayMs);
  const day = toCalendarDate(dayMs);
  switch (kind) {
    case 'day':
      return { time: { date: day, precision: 'day', asWritten: `on ${formatDay(dayMs)}` }, words: `On ${formatDay(dayMs)}` };
    case 'exact': {
      const hour = Math.floor(random() * 24);
      const minute = Math.floor(random() * 60);
      const at = `${pad(hour)}:${pad(minute)}`;
      return { time: { date: `${day}T${at}Z`, precision: 'exact', asWritten: `at ${at} UTC` }, words: `At ${at} UTC on ${formatDay(dayMs)}` };
    }
    case 'week': {
      const monday = periodStart(dayMs, 'week');
      return { time: { date: toCalendarDate(monday), precision: 'week', asWritten: `in the week of ${formatDay(monday)}` }, words: `In the week of ${formatDay(monday)}` };
    }
    case 'month': {
      const first = utcMidnight(year, month, 1);
      const label = new Date(first).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      return { time: { date: toCalendarDate(first), precision: 'month', asWritten: `in ${label}` }, words: `In ${label}` };
    }
    case 'season': {
      const start = periodStart(dayMs, 'season');
      const label = `${seasonName(utcParts(start).month)} ${utcParts(start).year}`;
      return { time: { date: toCalendarDate(start), precision: 'season', asWritten: `in ${label}` }, words: `In ${label}` };
    }
    case 'year':
      return { time: { date: `${year}-01-01`, precision: 'year', asWritten: `in ${year}` }, words: `In ${year}` };
    case 'range': {
      const endMs = dayMs + (1 + Math.floor(random() * 9)) * MS_PER_DAY;
      const words = `Between ${formatDay(dayMs)} and ${formatDay(endMs)}`;
      return {
        time: { start: { date: day, precision: 'day' }, end: { date: toCalendarDate(endMs), precision: 'day' }, asWritten: words.toLowerCase() },
        words,
      };
    }
    case 'endOnly':
      return { time: { end: { date: day, precision: 'day' }, asWritten: `by ${formatDay(dayMs)}` }, words: `By ${formatDay(dayMs)}` };
  }
}
