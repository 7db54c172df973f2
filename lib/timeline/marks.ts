import { type EventType } from '../events/eventTypes';
import { eventTypeLabel } from '../events/eventTypeLabels';
import { assertNever } from '../assertNever';
import { eventSpan, isPrecise } from '../events/eventSpan';
import { formatStoryTime } from '../events/formatStoryDate';
import type { StoryEvent, StoryTime } from '../events/schema';
import { laneOf, type LaneId } from './lanes';

/**
 * How an event is drawn:
 * - `point`: an exact or day-precise event, at its start;
 * - `span`: an imprecise period (week, month, season, year) or a range with both ends, from start to end;
 * - `onOrBefore`: a range with only an end ("date not given, by 25 Apr"), a marker at the end with a tail fading left;
 * - `onOrAfter`: a range with only a start ("from 3 Mar"), a marker at the start with a tail fading right.
 */
export const MARK_SHAPES = ['point', 'span', 'onOrBefore', 'onOrAfter'] as const;
export type MarkShape = (typeof MARK_SHAPES)[number];

/** `data-precision` of a mark: the day or instant is known, or it is not. */
export type MarkPrecision = 'exact' | 'day' | 'approximate';

export interface TimelineMark {
  id: string;
  type: EventType;
  lane: LaneId;
  shape: MarkShape;
  /** Where the mark is drawn: the point, the span's start, the end bound (`onOrBefore`) or the start bound (`onOrAfter`). */
  fromMs: number;
  /** The span's end; equal to `fromMs` for the other shapes. */
  toMs: number;
  precision: MarkPrecision;
  /** "Strike: Missile strike on a restaurant, 4 Apr 2025"; imprecise ones say "approximate" or "date not given". */
  accessibleName: string;
}

function shapeOf(time: StoryTime): MarkShape {
  if (time.kind === 'point') return isPrecise(time) ? 'point' : 'span';
  if (time.start && time.end) return 'span';
  return time.start ? 'onOrAfter' : 'onOrBefore';
}

function extentMs(event: StoryEvent, shape: MarkShape): { fromMs: number; toMs: number } {
  const { startMs, endMs, anchorMs } = eventSpan(event);
  switch (shape) {
    case 'point':
    case 'onOrAfter':
      return { fromMs: startMs ?? anchorMs, toMs: startMs ?? anchorMs };
    case 'span':
      return { fromMs: startMs ?? anchorMs, toMs: endMs ?? anchorMs };
    case 'onOrBefore':
      return { fromMs: endMs ?? anchorMs, toMs: endMs ?? anchorMs };
    default:
      return assertNever(shape, 'mark shape');
  }
}

function precisionOf(time: StoryTime): MarkPrecision {
  return time.kind === 'point' && isPrecise(time) ? (time.precision === 'exact' ? 'exact' : 'day') : 'approximate';
}

function accessibleNameOf(event: StoryEvent, shape: MarkShape): string {
  const base = `${eventTypeLabel(event.type)}: ${event.title}, ${formatStoryTime(event.time)}`;
  switch (shape) {
    case 'point':
    case 'onOrBefore':
      // formatStoryTime already says "date not given (by 25 Apr 2025)" for an end-only range.
      return base;
    case 'span':
    case 'onOrAfter':
      return `${base} (approximate)`;
    default:
      return assertNever(shape, 'mark shape');
  }
}

const markCache = new WeakMap<StoryEvent, TimelineMark>();

/** How one event is drawn; memoised per (immutable) event object. */
export function markOf(event: StoryEvent): TimelineMark {
  const cached = markCache.get(event);
  if (cached) return cached;
  const shape = shapeOf(event.time);
  const mark: TimelineMark = {
    id: event.id,
    type: event.type,
    lane: laneOf(event.type),
    shape,
    ...extentMs(event, shape),
    precision: precisionOf(event.time),
    accessibleName: accessibleNameOf(event, shape),
  };
  markCache.set(event, mark);
  return mark;
}
