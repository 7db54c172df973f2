import { describe, expect, it } from 'vitest';
import { applyMomentPatch, moveMoment, permutationProblem } from '@/lib/decks/deckOperations';
import { DECK_FAILURE_CODES, httpStatusForDeckFailure } from '@/lib/decks/deckResult';
import type { Moment } from '@/lib/decks/deckSchema';
import { makeMomentInput } from './momentFixtures';

describe('moveMoment', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it.each([
    ['a', 0, ['a', 'b', 'c', 'd']],
    ['a', 3, ['b', 'c', 'd', 'a']],
    ['d', 0, ['d', 'a', 'b', 'c']],
    ['b', 2, ['a', 'c', 'b', 'd']],
    ['c', 1, ['a', 'c', 'b', 'd']],
  ])('moves %s to index %i', (id, toIndex, expected) => {
    expect(moveMoment(ids, id, toIndex)).toEqual(expected);
  });

  it.each([
    ['x', 0],
    ['a', 4],
    ['a', -1],
    ['a', 1.5],
  ])('gives undefined for %s to %d', (id, toIndex) => {
    expect(moveMoment(ids, id, toIndex)).toBeUndefined();
  });

  it('does not change its input', () => {
    const before = [...ids];
    moveMoment(ids, 'a', 2);
    expect(ids).toEqual(before);
  });
});

describe('permutationProblem', () => {
  it.each([
    [['a', 'b'], ['b', 'a'], undefined],
    [[], [], undefined],
    [['a', 'b'], ['a', 'a'], 'lists "a" more than once'],
    [['a', 'b'], ['a', 'b', 'z'], 'lists "z", not in the deck'],
    [['a', 'b'], ['b'], 'leaves out "a"'],
    [['a'], ['1', '2', '3', '4', '5', '6', '7'], 'lists "1", "2", "3", "4", "5" and 2 more, not in the deck'],
  ])('%j -> %j: %s', (current, proposed, problem) => {
    expect(permutationProblem(current, proposed)).toBe(problem);
  });
});

describe('applyMomentPatch', () => {
  const moment: Moment = { ...makeMomentInput({ title: 'Opening' }), id: 'm1' };

  it('changes only the fields given and keeps the rest', () => {
    expect(applyMomentPatch(moment, { note: 'New note', chart: 'reported-deaths' })).toEqual({ ...moment, note: 'New note', chart: 'reported-deaths' });
  });

  it('clears the event and the title with null', () => {
    const cleared = applyMomentPatch(moment, { eventId: null, title: null });
    expect(cleared.eventId).toBeNull();
    expect('title' in cleared).toBe(false);
  });

  it('replaces the filter whole, without sharing arrays with the patch', () => {
    const filter = { types: ['claim' as const], actors: [] };
    const patched = applyMomentPatch(moment, { filter });
    expect(patched.filter).toEqual(filter);
    expect(patched.filter.types).not.toBe(filter.types);
    expect(moment.filter.types).toEqual(['strike', 'meeting']);
  });
});

describe('httpStatusForDeckFailure', () => {
  it('maps every failure code', () => {
    expect(DECK_FAILURE_CODES.map(httpStatusForDeckFailure)).toEqual([404, 409, 400]);
  });
});
