import { upperBound } from '../sortedSearch';
import type { StoryEvent } from '../events/schema';
import type { Presentation } from '../replay/presentation';
import type { StreamChange } from '../replay/streamReducer';
import { countAmongFirst, filterStory, type FilteredStory } from './filteredStory';
import { LIVE, shownChoices, type ScreenChoices, type ViewerState, type ViewMode } from './viewerState';

/**
 * What every panel of a room's screen shows, from three things only: the story (loaded once), the room's replay
 * state (from the stream) and the viewer's own choices. Pure and cheap: a release or a seek moves counts found by
 * binary search; the filtered story is built once per story and filter.
 */
export interface ScreenInputs {
  /** The story's events in story order with their release instants (a schedule); undefined until loaded. */
  story: { events: readonly StoryEvent[]; anchorsMs: readonly number[] } | undefined;
  /** The room as the stream left it; null until its first snapshot. */
  replay: { released: number; presentation: Presentation; change: StreamChange } | null;
  viewer: ViewerState;
}

export interface ScreenView {
  /** The story and the room are both known. */
  ready: boolean;
  following: boolean;
  /** Where the screen stands: the room's time, or the viewer's own position (never while following). */
  view: ViewMode;
  /** The event, filter and chart shown: the presenter's while following, the viewer's own otherwise. */
  shown: ScreenChoices;
  /** The presenter blanked the screens and this screen follows the presenter. */
  blanked: boolean;
  /** The story's first `releasedCount` events are released in the room. */
  releasedCount: number;
  /** Of those, the first `visibleCount` are at or before the screen's position. */
  visibleCount: number;
  /** The story's events that pass the shown filter; the first `filteredCount` of them are visible. */
  filtered: FilteredStory;
  filteredCount: number;
  /** What moved the room's state last: a release (`event`), a `jump`, a `presentation`, a `clock` or a `snapshot`. */
  change: StreamChange | null;
}

const NO_EVENTS: readonly StoryEvent[] = [];

export function screenView({ story, replay, viewer }: ScreenInputs): ScreenView {
  const presentation = replay?.presentation ?? null;
  const following = viewer.mode === 'follow';
  const view = following ? LIVE : viewer.view;
  const shown = shownChoices(viewer, presentation);
  const events = story?.events ?? NO_EVENTS;
  const releasedCount = story && replay ? Math.min(replay.released, events.length) : 0;
  const visibleCount = view.mode === 'detached' && story ? Math.min(releasedCount, upperBound(story.anchorsMs, view.positionMs)) : releasedCount;
  const filtered = filterStory(events, shown.filter);
  return {
    ready: story !== undefined && replay !== null,
    following,
    view,
    shown,
    blanked: following && presentation?.blank === true,
    releasedCount,
    visibleCount,
    filtered,
    filteredCount: countAmongFirst(filtered, visibleCount),
    change: replay?.change ?? null,
  };
}

/** The screen's position in story time: the viewer's own, or the room's playhead (null until known). */
export function displayPositionMs(view: ViewMode, roomPlayheadMs: number | null): number | null {
  return view.mode === 'detached' ? view.positionMs : roomPlayheadMs;
}

/** Where a viewer who moves to `targetMs` lands: inside the story, and never past the room's playhead. */
export function detachTarget(targetMs: number, bounds: { startMs: number; endMs: number }, roomPlayheadMs: number): number {
  return Math.min(Math.max(bounds.startMs, Math.min(targetMs, bounds.endMs)), roomPlayheadMs);
}

/** The first `count` of `events`: the same array when that is all of them. */
export function firstOf(events: readonly StoryEvent[], count: number): readonly StoryEvent[] {
  return count >= events.length ? events : events.slice(0, count);
}

/** Each story's event positions by id, built once per events array. */
const positionsByStory = new WeakMap<readonly StoryEvent[], ReadonlyMap<string, number>>();

/** The position of the event `id` in the story (story order), or undefined when the story has no such event. */
export function positionOf(events: readonly StoryEvent[], id: string): number | undefined {
  let positions = positionsByStory.get(events);
  if (!positions) positionsByStory.set(events, (positions = new Map(events.map((event, index) => [event.id, index]))));
  return positions.get(id);
}
