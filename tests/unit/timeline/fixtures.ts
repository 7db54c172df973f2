import { type EventType } from '@/lib/events/eventTypes';
import type { DatePrecision } from '@/lib/events/precision';
import type { StoryEvent, StoryTime } from '@/lib/events/schema';
import type { MarkShape, TimelineMark } from '@/lib/timeline/marks';
import { laneOf } from '@/lib/timeline/lanes';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const utc = (year: number, month1: number, day: number, hour = 0) => Date.UTC(year, month1 - 1, day, hour);

export const point = (date: string, precision: DatePrecision): StoryTime => ({ kind: 'point', date, precision, asWritten: 'as written' });
export const range = (start?: [string, DatePrecision], end?: [string, DatePrecision]): StoryTime => ({
  kind: 'range',
  ...(start && { start: { date: start[0], precision: start[1] } }),
  ...(end && { end: { date: end[0], precision: end[1] } }),
  asWritten: 'as written',
});

/** A minimal valid event. */
export function makeEvent(id: string, type: EventType, title: string, time: StoryTime): StoryEvent {
  return { id, type, title, summary: 'summary', time, actors: [], quote: { text: 'x', start: 0, end: 1 }, attribution: 'a test', importance: 2, tags: [] };
}

/** A mark drawn from `fromHour` to `toHour` (hours after the epoch), for layout tests. */
export function makeMark(id: string, type: EventType, shape: MarkShape, fromHour: number, toHour = fromHour): TimelineMark {
  return { id, type, lane: laneOf(type), shape, fromMs: fromHour * HOUR, toMs: toHour * HOUR, precision: shape === 'point' ? 'day' : 'approximate', accessibleName: id };
}
