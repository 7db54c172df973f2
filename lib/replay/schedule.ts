import { compareEvents, eventSpan } from '../events/eventSpan';
import { storySpanMs } from '../events/catalog';
import type { StoryEvent } from '../events/schema';

/**
 * When each event of a story is released, in story time. Events are released at their anchor
 * (see lib/events/eventSpan): the start of their period, or the start of the end bound of an "on or before" range.
 * The replay runs from the first anchor (`startMs`) to the end of the story's span (`endMs`).
 */
export interface Schedule {
  /** Events in release order. */
  events: readonly StoryEvent[];
  /** `anchorsMs[i]` is the release instant of `events[i]`; non-decreasing. */
  anchorsMs: readonly number[];
  /** Distinct anchors plus `endMs`, ascending: the boundaries of the replay's segments. */
  boundariesMs: readonly number[];
  startMs: number;
  endMs: number;
}

export function buildSchedule(events: readonly StoryEvent[]): Schedule {
  // Story order (lib/events/eventSpan): by anchor, ties to the narrower period, then by id — as the README states.
  const ordered = [...events]
    .sort(compareEvents)
    .map((event) => ({ event, anchorMs: eventSpan(event).anchorMs }));
  const anchorsMs = ordered.map((o) => o.anchorMs);
  const span = storySpanMs(events);
  const startMs = anchorsMs[0] ?? 0;
  const endMs = Math.max(span?.endMs ?? startMs, anchorsMs[anchorsMs.length - 1] ?? startMs);
  const boundariesMs: number[] = [];
  for (const anchor of [...anchorsMs, endMs]) {
    if (boundariesMs[boundariesMs.length - 1] !== anchor) boundariesMs.push(anchor);
  }
  return { events: ordered.map((o) => o.event), anchorsMs, boundariesMs, startMs, endMs };
}

/** Index of the first element > `value` in an ascending array (binary search). */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= `value` in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many events are released once the playhead stands at `storyMs`. */
export function releasedCountAt(schedule: Schedule, storyMs: number): number {
  return upperBound(schedule.anchorsMs, storyMs);
}

/** The first event anchor strictly after `storyMs`, if any. */
export function nextAnchorAfter(schedule: Schedule, storyMs: number): number | undefined {
  return schedule.anchorsMs[upperBound(schedule.anchorsMs, storyMs)];
}

/** The last event anchor strictly before `storyMs`, if any. */
export function previousAnchorBefore(schedule: Schedule, storyMs: number): number | undefined {
  const index = lowerBound(schedule.anchorsMs, storyMs) - 1;
  return index >= 0 ? schedule.anchorsMs[index] : undefined;
}
