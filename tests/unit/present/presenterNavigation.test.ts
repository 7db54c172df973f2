import { describe, expect, it } from 'vitest';
import { momentIndexOf, nextTarget, nextUnreleasedEvent, previousTarget, stageEventId } from '@/app/present/presenterNavigation';
import type { Moment } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import { buildSchedule } from '@/lib/replay/schedule';
import { makeMomentInput } from '../decks/momentFixtures';

const moment = (id: string): Moment => ({ ...makeMomentInput(), id });
const deck = [moment('a'), moment('b'), moment('c')];

const event = (id: string, date: string): StoryEvent => ({
  id,
  type: 'statement',
  title: id,
  summary: id,
  time: { kind: 'point', date, precision: 'day', asWritten: date },
  actors: [],
  quote: { text: id, start: 0, end: 1 },
  attribution: 'a source',
  importance: 1,
  tags: [],
});

describe('momentIndexOf', () => {
  it.each<[string | null, number]>([
    [null, -1],
    ['a', 0],
    ['c', 2],
    ['gone', -1],
  ])('%j -> %d', (id, index) => expect(momentIndexOf(deck, id)).toBe(index));
});

describe('nextTarget and previousTarget', () => {
  it('step through events when the deck is empty', () => {
    expect(nextTarget([], -1)).toEqual({ kind: 'event' });
    expect(previousTarget([], -1)).toEqual({ kind: 'event' });
  });

  it.each<[number, string | null]>([
    [-1, 'a'],
    [0, 'b'],
    [1, 'c'],
    [2, null],
  ])('next from moment index %d -> %j', (index, id) => {
    const target = nextTarget(deck, index);
    expect(target.kind === 'moment' ? target.moment.id : null).toBe(id);
    if (target.kind === 'moment') expect(target.index).toBe(index + 1);
  });

  it.each<[number, string | null]>([
    [-1, null],
    [0, null],
    [1, 'a'],
    [2, 'b'],
  ])('previous from moment index %d -> %j', (index, id) => {
    const target = previousTarget(deck, index);
    expect(target.kind === 'moment' ? target.moment.id : null).toBe(id);
    if (id === null) expect(target).toEqual({ kind: 'none' });
  });
});

describe('stageEventId', () => {
  const released = [event('first', '2025-04-01'), event('second', '2025-04-02')];
  it('is the presented event when there is one', () => expect(stageEventId({ eventId: 'first' }, released.at(-1))).toBe('first'));
  it('is the latest released event otherwise', () => expect(stageEventId({ eventId: null }, released.at(-1))).toBe('second'));
  it('is null before any release', () => expect(stageEventId({ eventId: null }, undefined)).toBeNull());
});

describe('nextUnreleasedEvent', () => {
  const schedule = buildSchedule([event('one', '2025-04-01'), event('two', '2025-04-03'), event('three', '2025-04-05')]);
  it.each<[string, string | undefined]>([
    ['2025-04-01T00:00:00Z', 'two'],
    ['2025-04-02T12:00:00Z', 'two'],
    ['2025-04-03T00:00:00Z', 'three'],
    ['2025-04-05T00:00:00Z', undefined],
  ])('at %s -> %j', (at, id) => expect(nextUnreleasedEvent(schedule, Date.parse(at))?.id).toBe(id));
});
