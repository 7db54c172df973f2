import { compareEvents, eventSpan } from '../events/eventSpan';
import { storySpanMs } from '../events/catalog';
import type { StoryEvent } from '../events/schema';
import { lowerBound, upperBound } from '../sortedSearch';

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

/** Each story's schedule, built once per events array (a screen's panels all ask for it). */
const schedules = new WeakMap<readonly StoryEvent[], Schedule>();

/** `buildSchedule`, once per events array. */
export function scheduleOf(events: readonly StoryEvent[]): Schedule {
  let schedule = schedules.get(events);
  if (!schedule) schedules.set(events, (schedule = buildSchedule(events)));
  return schedule;
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

/**
 * Where a step from `storyMs` lands: `next`, the first release instant after it; `previous`, the release instant
 * before the latest one released at `storyMs` (so that a step back from between two events goes back one event,
 * not to the one just passed). Undefined when there is no event that way. The room and a viewer step alike.
 */
export function stepTarget(schedule: Schedule, storyMs: number, direction: 'next' | 'previous'): number | undefined {
  if (direction === 'next') return nextAnchorAfter(schedule, storyMs);
  const latest = upperBound(schedule.anchorsMs, storyMs) - 1;
  return previousAnchorBefore(schedule, latest >= 0 ? (schedule.anchorsMs[latest] as number) : storyMs);
}
