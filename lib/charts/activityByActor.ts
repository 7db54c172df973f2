import type { StoryEvent } from '../events/schema';

/** How many actors the chart shows. */
export const TOP_ACTOR_COUNT = 10;

export interface ActorActivity {
  name: string;
  events: number;
}

export interface ActivityByActorSeries {
  /** The busiest actors, most events first; ties in name order. */
  top: ActorActivity[];
  /** Distinct actors across the events. */
  actorCount: number;
  /** Events that name at least one actor. */
  eventsWithActors: number;
}

/** Events per actor name; an event with several actors counts once for each of them. */
export function activityByActor(events: readonly StoryEvent[], topCount = TOP_ACTOR_COUNT): ActivityByActorSeries {
  const counts = new Map<string, number>();
  let eventsWithActors = 0;
  for (const event of events) {
    const { actors } = event;
    if (actors.length > 0) eventsWithActors += 1;
    // Most events name one actor: no set needed to count each name once.
    const names = actors.length === 1 ? [(actors[0] as (typeof actors)[number]).name] : new Set(actors.map((actor) => actor.name));
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts]
    .map(([name, count]) => ({ name, events: count }))
    .sort((a, b) => b.events - a.events || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { top: ranked.slice(0, topCount), actorCount: counts.size, eventsWithActors };
}
