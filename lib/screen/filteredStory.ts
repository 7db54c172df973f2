import { upperBound } from '../sortedSearch';
import type { StoryEvent } from '../events/schema';
import { applyFilter, isFiltering, type EventFilter } from '../replay/eventFilter';

/**
 * A story's events that pass a filter, with the story position of each: built once per story and filter, it answers
 * "how many of them are among the story's first n events" with a binary search, so a release or a seek costs
 * a logarithm, not a pass over the story.
 */
export interface FilteredStory {
  filter: EventFilter;
  /** The passing events, in story order. */
  events: readonly StoryEvent[];
  /** `storyIndexes[i]` is the position of `events[i]` in the story; ascending. Null when nothing is filtered out. */
  storyIndexes: readonly number[] | null;
}

/** The number of the filtered events among the story's first `storyCount` events. */
export function countAmongFirst(filtered: FilteredStory, storyCount: number): number {
  if (filtered.storyIndexes === null) return Math.min(storyCount, filtered.events.length);
  return upperBound(filtered.storyIndexes, storyCount - 1);
}

const filterKey = (filter: EventFilter) => JSON.stringify([[...filter.types].sort(), [...filter.actors].sort()]);

/** Each story's filtered lists, by filter: a screen switches filters back and forth, and every panel asks. */
const byStory = new WeakMap<readonly StoryEvent[], Map<string, FilteredStory>>();
/** Filters kept per story: enough for a screen's recent choices, bounded however many are tried. */
const KEPT_FILTERS_PER_STORY = 16;

/** The story's events that pass `filter`, computed once per story (array identity) and filter. */
export function filterStory(events: readonly StoryEvent[], filter: EventFilter): FilteredStory {
  let cache = byStory.get(events);
  if (!cache) byStory.set(events, (cache = new Map()));
  const key = filterKey(filter);
  const known = cache.get(key);
  if (known) return known;
  const filtered = build(events, filter);
  if (cache.size >= KEPT_FILTERS_PER_STORY) cache.delete(cache.keys().next().value as string);
  cache.set(key, filtered);
  return filtered;
}

function build(events: readonly StoryEvent[], filter: EventFilter): FilteredStory {
  if (!isFiltering(filter)) return { filter, events, storyIndexes: null };
  const passing = new Set(applyFilter(events, filter));
  const storyIndexes: number[] = [];
  events.forEach((event, index) => {
    if (passing.has(event)) storyIndexes.push(index);
  });
  return { filter, events: storyIndexes.map((index) => events[index] as StoryEvent), storyIndexes };
}
