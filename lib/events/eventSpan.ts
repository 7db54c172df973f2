import { parseDateForPrecision, periodEnd } from './precision';
import type { Dated, StoryEvent, StoryTime } from './schema';

/**
 * Where an event sits in story time, in UTC epoch milliseconds.
 * - `startMs`/`endMs`: the period it may have happened in (end exclusive); `null` where the source gives no bound.
 * - `anchorMs`: the one instant used to order and release it — the start of its period or, for a range with no
 *   start ("on or before X"), the start of its end bound. Imprecise events keep their span; only the anchor is a point.
 */
export interface EventSpan {
  startMs: number | null;
  endMs: number | null;
  anchorMs: number;
}

function datedStartMs(dated: Dated): number {
  const parsed = parseDateForPrecision(dated.date, dated.precision);
  if (!parsed.ok) throw new Error(`Unvalidated story date: ${parsed.reason}`);
  return parsed.ms;
}

export function timeSpan(time: StoryTime): EventSpan {
  if (time.kind === 'point') {
    const startMs = datedStartMs(time);
    return { startMs, endMs: periodEnd(startMs, time.precision), anchorMs: startMs };
  }
  const startMs = time.start ? datedStartMs(time.start) : null;
  const endBoundMs = time.end ? datedStartMs(time.end) : null;
  const endMs = time.end && endBoundMs !== null ? periodEnd(endBoundMs, time.end.precision) : null;
  const anchorMs = startMs ?? endBoundMs;
  if (anchorMs === null) throw new Error('Unvalidated story time: a range needs a start or an end');
  return { startMs, endMs, anchorMs };
}

const spanCache = new WeakMap<StoryTime, EventSpan>();

/** `timeSpan` memoised per (immutable) time object. */
export function eventSpan(event: Pick<StoryEvent, 'time'>): EventSpan {
  let span = spanCache.get(event.time);
  if (!span) {
    span = timeSpan(event.time);
    spanCache.set(event.time, span);
  }
  return span;
}

/**
 * Story order: by anchor; then the narrower period first (an unknown end counts as the widest); then an event
 * whose start is known before an "on or before" one; then by id, so the order is total and stable.
 */
export function compareEvents(a: StoryEvent, b: StoryEvent): number {
  const sa = eventSpan(a);
  const sb = eventSpan(b);
  if (sa.anchorMs !== sb.anchorMs) return sa.anchorMs - sb.anchorMs;
  const ea = sa.endMs ?? Infinity;
  const eb = sb.endMs ?? Infinity;
  if (ea !== eb) return ea < eb ? -1 : 1;
  const openA = sa.startMs === null ? 1 : 0;
  const openB = sb.startMs === null ? 1 : 0;
  if (openA !== openB) return openA - openB;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether the source pins the event to a day or an instant (as opposed to a week, a season, a range...). */
export function isPrecise(time: StoryTime): boolean {
  return time.kind === 'point' && (time.precision === 'day' || time.precision === 'exact');
}
