import { describe, expect, it } from 'vitest';
import { actorNamesByEventCount, listedActorNames } from '@/app/roomScreen/detail/actorNames';

const withActors = (...names: string[]) => ({ actors: names.map((name) => ({ name, role: 'a role' })) });

describe('actorNamesByEventCount', () => {
  it('puts the actors with the most events first, ties alphabetically, counting an actor once per event', () => {
    const events = [withActors('Putin', 'NATO'), withActors('Putin', 'Putin'), withActors('Trump', 'Analysts'), withActors('Trump', 'Putin')];
    expect(actorNamesByEventCount(events)).toEqual(['Putin', 'Trump', 'Analysts', 'NATO']);
  });

  it('has no names for no events', () => {
    expect(actorNamesByEventCount([])).toEqual([]);
  });
});

describe('listedActorNames', () => {
  const NAMES = ['Vladimir V. Putin', 'Donald J. Trump', 'Steve Witkoff', 'NATO'];

  it('lists every name without a query', () => {
    expect(listedActorNames(NAMES, [], '  ')).toEqual(NAMES);
  });

  it('narrows by a case-insensitive part of the name', () => {
    expect(listedActorNames(NAMES, [], 'TRUMP')).toEqual(['Donald J. Trump']);
    expect(listedActorNames(NAMES, [], 'vlad')).toEqual(['Vladimir V. Putin']);
    expect(listedActorNames(NAMES, [], 'v')).toEqual(['Vladimir V. Putin', 'Steve Witkoff']);
  });

  it('keeps selected names listed whatever the query', () => {
    expect(listedActorNames(NAMES, ['NATO'], 'trump')).toEqual(['Donald J. Trump', 'NATO']);
  });

  it('lists a selected name the story does not have first, so it can be unchecked', () => {
    expect(listedActorNames(NAMES, ['Someone Else'], '')).toEqual(['Someone Else', ...NAMES]);
  });
});
