import { partitionPoint } from '../sortedSearch';
import { type EventType } from '../events/eventTypes';
import { eventSpan } from '../events/eventSpan';
import type { StoryEvent } from '../events/schema';

/** How many of the events (in release order, so anchors never decrease) are released at `positionMs`: a binary search. */
export function countUpTo(events: readonly StoryEvent[], positionMs: number): number {
  return partitionPoint(events.length, (index) => eventSpan(events[index] as StoryEvent).anchorMs > positionMs);
}

/** The released events visible at `positionMs` (events are in release order, so this is a prefix). */
export function eventsUpTo(events: readonly StoryEvent[], positionMs: number): readonly StoryEvent[] {
  const count = countUpTo(events, positionMs);
  return count === events.length ? events : events.slice(0, count);
}

export interface EventFilter {
  /** Types shown; empty means all. */
  types: readonly EventType[];
  /** Actor names shown; empty means all. An event is shown when any of its actors is selected. */
  actors: readonly string[];
}

export const NO_FILTER: EventFilter = { types: [], actors: [] };

export function isFiltering(filter: EventFilter): boolean {
  return filter.types.length > 0 || filter.actors.length > 0;
}

export function applyFilter(events: readonly StoryEvent[], filter: EventFilter): readonly StoryEvent[] {
  if (!isFiltering(filter)) return events;
  const types = new Set(filter.types);
  const actors = new Set(filter.actors);
  return events.filter(
    (event) => (types.size === 0 || types.has(event.type)) && (actors.size === 0 || event.actors.some((a) => actors.has(a.name))),
  );
}
