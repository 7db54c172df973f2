import type { StoryEvent } from '../events/schema';
import { chartStory, clampReleased, countReleased, type ChartStory } from './chartStory';
import { sameUnlessChanged } from './revealMemo';

/** How many actors the chart shows. */
export const TOP_ACTOR_COUNT = 10;

export interface ActorActivity {
  name: string;
  events: number;
}

/** Where each actor is named in the story, built once; `revealActivityByActor` ranks what is released of it. */
export interface ActivityByActorStory {
  story: ChartStory;
  /** Actor names in the order the story first names them. */
  names: readonly string[];
  /** For each actor (as in `names`), the positions of the events naming it, ascending: an event counts once. */
  positionsByActor: readonly Int32Array[];
  /** Where each actor is first named: ascending, as `names` are in that order. */
  firstPositions: Int32Array;
  /** Positions of the events that name at least one actor. */
  withActorsPositions: Int32Array;
  /** The busiest actor's count over the whole story: the count axis stays at it. */
  maxEvents: number;
  topCount: number;
}

export interface ActivityByActorSeries {
  /** The busiest actors, most events first; ties in name order. */
  top: ActorActivity[];
  /** Distinct actors across the events. */
  actorCount: number;
  /** Events that name at least one actor. */
  eventsWithActors: number;
  maxEvents: number;
}

const storyCache = new WeakMap<ChartStory, ActivityByActorStory>();

function build(story: ChartStory, topCount: number): ActivityByActorStory {
  const positionsByName = new Map<string, number[]>();
  const withActors: number[] = [];
  story.events.forEach(({ actors }, position) => {
    if (actors.length > 0) withActors.push(position);
    for (const { name } of actors) {
      const positions = positionsByName.get(name);
      if (!positions) positionsByName.set(name, [position]);
      // An actor named twice in one event counts once.
      else if (positions[positions.length - 1] !== position) positions.push(position);
    }
  });
  const positionsByActor = [...positionsByName.values()].map((positions) => Int32Array.from(positions));
  return {
    story,
    names: [...positionsByName.keys()],
    positionsByActor,
    firstPositions: Int32Array.from(positionsByActor, (positions) => positions[0] as number),
    withActorsPositions: Int32Array.from(withActors),
    maxEvents: positionsByActor.reduce((max, positions) => Math.max(max, positions.length), 0),
    topCount,
  };
}

/** The actors of every event of the story; the same object for the same story (and top count). */
export function activityByActorStory(story: ChartStory, topCount = TOP_ACTOR_COUNT): ActivityByActorStory {
  const cached = storyCache.get(story);
  if (cached?.topCount === topCount) return cached;
  const built = build(story, topCount);
  storyCache.set(story, built);
  return built;
}

const byEventsThenName = (a: ActorActivity, b: ActorActivity) => b.events - a.events || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Events per actor among the first `releasedCount` of the story; an event with several actors counts for each. */
export function revealActivityByActor(series: ActivityByActorStory, releasedCount: number): ActivityByActorSeries {
  const released = clampReleased(series.story, releasedCount);
  const eventsWithActors = countReleased(series.withActorsPositions, released);
  return sameUnlessChanged(series, String(eventsWithActors), () => {
    const actorCount = countReleased(series.firstPositions, released);
    const ranked: ActorActivity[] = [];
    for (let actor = 0; actor < actorCount; actor++) {
      ranked.push({ name: series.names[actor] as string, events: countReleased(series.positionsByActor[actor] as Int32Array, released) });
    }
    return { top: ranked.sort(byEventsThenName).slice(0, series.topCount), actorCount, eventsWithActors, maxEvents: series.maxEvents };
  });
}

/** Events per actor name among all of `events`. */
export function activityByActor(events: readonly StoryEvent[], topCount = TOP_ACTOR_COUNT): ActivityByActorSeries {
  // The actors do not depend on time: any domain will do.
  const story = chartStory(events, { startMs: 0, endMs: 0 });
  return revealActivityByActor(activityByActorStory(story, topCount), events.length);
}
