import { describe, expect, it } from 'vitest';
import { activityByActor, activityByActorStory, revealActivityByActor, TOP_ACTOR_COUNT } from '@/lib/charts/activityByActor';
import { chartStory, releasedCountAt } from '@/lib/charts/chartStory';
import type { StoryEvent } from '@/lib/events/schema';
import { applyFilter } from '@/lib/replay/eventFilter';
import { FIRST_STORY_DOMAIN, FIRST_STORY_END_MS, at, loadFirstStory, makeEvent, utc } from './chartFixtures';

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

describe('activityByActor on the first story, revealed at the playhead', async () => {
  const story = await loadFirstStory();
  it.each<[string, number, readonly string[], string[], number, number]>([
    ['at the start', utc('2018-01-01'), [], ['Konstantin Remchukov: 1'], 1, 1],
    [
      'at the end',
      FIRST_STORY_END_MS,
      [],
      [
        'Vladimir V. Putin: 11',
        'Donald J. Trump: 6',
        'Konstantin Remchukov: 5',
        'Russian armed forces: 5',
        'Grigorii Golosov: 2',
        'NATO: 2',
        'Steve Witkoff: 2',
        'Analysts: 1',
        'Experts and insiders in Russia: 1',
        'JD Vance: 1',
      ],
      15,
      31,
    ],
    ['at the end, filtered to Steve Witkoff', FIRST_STORY_END_MS, ['Steve Witkoff'], ['Steve Witkoff: 2', 'Vladimir V. Putin: 2'], 2, 2],
  ])('%s', (_name, playheadMs, actors, top, actorCount, eventsWithActors) => {
    const events = chartStory(applyFilter(story, { types: [], actors }), FIRST_STORY_DOMAIN);
    const series = revealActivityByActor(activityByActorStory(events), releasedCountAt(events, playheadMs));
    expect(series.top.map((a) => `${a.name}: ${a.events}`)).toEqual(top);
    expect(series.actorCount).toBe(actorCount);
    expect(series.eventsWithActors).toBe(eventsWithActors);
  });
});
