import { describe, expect, it } from 'vitest';
import { activityByActor, activityByActorStory, revealActivityByActor, TOP_ACTOR_COUNT } from '@/lib/charts/activityByActor';
import { chartStory, releasedCountAt } from '@/lib/charts/chartStory';
import type { StoryEvent } from '@/lib/events/schema';
import { applyFilter } from '@/lib/replay/eventFilter';
import { SMALL_STORY, SMALL_STORY_DOMAIN, SMALL_STORY_END_MS, at, makeEvent, utc } from './chartFixtures';

const withActors = (id: string, actors: string[]) => makeEvent(id, at('2025-04-04'), { actors });

describe('activityByActor on hand-made events', () => {
  it.each<[string, StoryEvent[], number, string[], number, number]>([
    ['nothing released', [], 10, [], 0, 0],
    [
      'an event counts once per actor, and once for an actor named twice',
      [withActors('e1', ['A', 'B']), withActors('e2', ['B']), withActors('e3', []), withActors('e4', ['C', 'C']), withActors('e5', ['B', 'A'])],
      10,
      ['B: 3', 'A: 2', 'C: 1'],
      3,
      4,
    ],
    ['only the top ones', [withActors('e1', ['A', 'B']), withActors('e2', ['B']), withActors('e4', ['C'])], 2, ['B: 2', 'A: 1'], 3, 3],
    ['ties in name order', [withActors('e1', ['Zed']), withActors('e2', ['Abe']), withActors('e3', ['Mia'])], 10, ['Abe: 1', 'Mia: 1', 'Zed: 1'], 3, 3],
  ])('%s', (_name, events, topCount, top, actorCount, eventsWithActors) => {
    const series = activityByActor(events, topCount);
    expect(series.top.map((a) => `${a.name}: ${a.events}`)).toEqual(top);
    expect(series.actorCount).toBe(actorCount);
    expect(series.eventsWithActors).toBe(eventsWithActors);
  });

  it('shows ten actors by default', () => {
    expect(TOP_ACTOR_COUNT).toBe(10);
  });
});

describe('activityByActor on a small story, revealed at the playhead', () => {
  it.each<[string, number, readonly string[], string[], number, number]>([
    // name, playhead, actors filter, top actors, actor count, events with actors
    ['at the start', utc('2018-01-01'), [], ['Analyst: 1'], 1, 1],
    ['on 12 April', utc('2025-04-12'), [], ['Putin: 3', 'Trump: 2', 'Analyst: 1', 'Russian forces: 1', 'Witkoff: 1'], 5, 6],
    // Strikes dated "by" a day with no actors count for no one.
    ['at the end', SMALL_STORY_END_MS, [], ['Putin: 3', 'Trump: 3', 'Witkoff: 2', 'Analyst: 1', 'Russian forces: 1'], 5, 8],
    ['at the end, filtered to Witkoff', SMALL_STORY_END_MS, ['Witkoff'], ['Witkoff: 2', 'Putin: 1'], 2, 2],
  ])('%s', (_name, playheadMs, actors, top, actorCount, eventsWithActors) => {
    const events = chartStory(applyFilter(SMALL_STORY, { types: [], actors }), SMALL_STORY_DOMAIN);
    const series = revealActivityByActor(activityByActorStory(events), releasedCountAt(events, playheadMs));
    expect(series.top.map((a) => `${a.name}: ${a.events}`)).toEqual(top);
    expect(series.actorCount).toBe(actorCount);
    expect(series.eventsWithActors).toBe(eventsWithActors);
  });
});
