import { describe, expect, it } from 'vitest';
import type { StoryTime } from '@/lib/events/schema';
import { storyTimeOfTimelineJs, timelineJsDates, type TimelineJsDate } from '@/lib/studio/timelineJsDates';

type Row = { name: string; time: StoryTime; start: TimelineJsDate; end?: TimelineJsDate; display: string };

// Each precision of the story format, as TimelineJS dates that cover the period (never a precise day for a week).
const ROWS: Row[] = [
  { name: 'an exact instant, in UTC', time: { kind: 'point', date: '2025-04-24T22:30+03:00', precision: 'exact', asWritten: 'late Thursday' }, start: { year: 2025, month: 4, day: 24, hour: 19, minute: 30 }, display: 'late Thursday' },
  { name: 'a day', time: { kind: 'point', date: '2025-04-21', precision: 'day', asWritten: 'on Monday' }, start: { year: 2025, month: 4, day: 21 }, display: 'on Monday' },
  { name: 'a week, Monday to Sunday', time: { kind: 'point', date: '2025-04-14', precision: 'week', asWritten: 'last week' }, start: { year: 2025, month: 4, day: 14 }, end: { year: 2025, month: 4, day: 20 }, display: 'last week' },
  { name: 'a month, month only', time: { kind: 'point', date: '2025-03-01', precision: 'month', asWritten: 'in March' }, start: { year: 2025, month: 3 }, display: 'in March' },
  { name: 'a season, its three months', time: { kind: 'point', date: '2024-12-01', precision: 'season', asWritten: 'last winter' }, start: { year: 2024, month: 12 }, end: { year: 2025, month: 2 }, display: 'last winter' },
  { name: 'a year, year only', time: { kind: 'point', date: '2018-01-01', precision: 'year', asWritten: 'in 2018' }, start: { year: 2018 }, display: 'in 2018' },
  {
    name: 'a range from a month to a day',
    time: { kind: 'range', start: { date: '2025-01-01', precision: 'month' }, end: { date: '2025-04-24', precision: 'day' }, asWritten: 'in three months' },
    start: { year: 2025, month: 1 },
    end: { year: 2025, month: 4, day: 24 },
    display: 'in three months',
  },
];

describe('story times as TimelineJS dates', () => {
  it.each(ROWS)('$name', ({ time, start, end, display }) => {
    expect(timelineJsDates(time)).toEqual({ start_date: start, ...(end && { end_date: end }), display_date: display });
  });

  it.each(ROWS.filter((row) => row.time.kind === 'range' || row.time.precision !== 'exact'))('$name: read back to the same time', ({ time, start, end, display }) => {
    expect(storyTimeOfTimelineJs(start, end, display)).toEqual({ ok: true, value: time });
  });

  it('reads an exact instant back in UTC (the offset is not kept)', () => {
    expect(storyTimeOfTimelineJs({ year: 2025, month: 4, day: 24, hour: 19, minute: 30 }, undefined, 'late Thursday')).toEqual({
      ok: true,
      value: { kind: 'point', date: '2025-04-24T19:30:00Z', precision: 'exact', asWritten: 'late Thursday' },
    });
  });

  it('an "on or before" range starts at its bound and says so in the display words', () => {
    const time: StoryTime = { kind: 'range', end: { date: '2025-04-25', precision: 'day' }, asWritten: 'in recent weeks' };
    expect(timelineJsDates(time)).toEqual({ start_date: { year: 2025, month: 4, day: 25 }, display_date: 'in recent weeks (by 25 Apr 2025)' });
  });

  it('a seven-day span that is not Monday to Sunday stays a range of days', () => {
    const read = storyTimeOfTimelineJs({ year: 2025, month: 4, day: 19 }, { year: 2025, month: 4, day: 25 }, 'this past week');
    expect(read).toEqual({ ok: true, value: { kind: 'range', start: { date: '2025-04-19', precision: 'day' }, end: { date: '2025-04-25', precision: 'day' }, asWritten: 'this past week' } });
  });

  it.each([
    { name: 'an end before the start', start: { year: 2025, month: 4, day: 9 }, end: { year: 2025, month: 4, day: 2 }, field: 'end_date' },
    { name: 'a day the month does not have', start: { year: 2025, month: 2, day: 30 }, end: undefined, field: 'start_date.day' },
  ])('refuses $name', ({ start, end, field }) => {
    expect(storyTimeOfTimelineJs(start, end, 'x')).toMatchObject({ ok: false, field });
  });
});

describe('ranges with one bound', () => {
  it.each<StoryTime>([
    { kind: 'range', end: { date: '2025-04-25', precision: 'day' }, asWritten: 'in recent weeks' },
    { kind: 'range', end: { date: '2025-04-14', precision: 'week' }, asWritten: 'by last week' },
    { kind: 'range', start: { date: '2024-09-01', precision: 'season' }, asWritten: 'since the fall' },
  ])('$asWritten: read back from the bound and the words that name it', (time) => {
    const dates = timelineJsDates(time);
    expect(dates.end_date).toBeUndefined();
    expect(storyTimeOfTimelineJs(dates.start_date, undefined, dates.display_date)).toEqual({ ok: true, value: time });
  });

  it('words that name another date than the start leave a plain point', () => {
    const read = storyTimeOfTimelineJs({ year: 2025, month: 4, day: 24 }, undefined, 'talks (by 25 Apr 2025)');
    expect(read).toEqual({ ok: true, value: { kind: 'point', date: '2025-04-24', precision: 'day', asWritten: 'talks (by 25 Apr 2025)' } });
  });
});
