import { describe, expect, it } from 'vitest';
import { eventsAtMoment, handoutPages, momentTitle } from '@/app/handout/handoutPages';
import type { Deck, Moment } from '@/lib/decks/deckSchema';
import { buildSchedule } from '@/lib/replay/schedule';
import { at, makeEvent, utc } from '../charts/chartFixtures';

// Given out of order on purpose: the handout counts in release order.
const events = [
  makeEvent('third', at('2025-04-20'), { type: 'strike' }),
  makeEvent('first', at('2025-04-01'), { type: 'strike' }),
  makeEvent('second', at('2025-04-10'), { type: 'meeting' }),
];
const schedule = buildSchedule(events);

const moment = (overrides: Partial<Moment>): Moment => ({
  id: 'm',
  storyMs: utc('2025-04-15'),
  eventId: null,
  filter: { types: [], actors: [] },
  chart: 'events-per-day',
  note: '',
  ...overrides,
});

describe('eventsAtMoment', () => {
  it('counts the events released up to the moment', () => {
    expect(eventsAtMoment(schedule, moment({})).map((e) => e.id)).toEqual(['first', 'second']);
  });

  it('applies the moment’s filter', () => {
    expect(eventsAtMoment(schedule, moment({ storyMs: utc('2025-04-30'), filter: { types: ['strike'], actors: [] } })).map((e) => e.id)).toEqual(['first', 'third']);
  });

  it('includes an event released at the very instant of the moment', () => {
    expect(eventsAtMoment(schedule, moment({ storyMs: utc('2025-04-10') })).map((e) => e.id)).toEqual(['first', 'second']);
  });
});

describe('momentTitle', () => {
  it.each<[string | undefined, boolean, string]>([
    ['Talks', true, 'Talks'],
    ['  ', true, 'Event second'],
    [undefined, true, 'Event second'],
    [undefined, false, 'Moment 3'],
  ])('title %j, event %s -> %s', (title, withEvent, expected) => {
    expect(momentTitle({ title }, withEvent ? schedule.events[1] : undefined, 3)).toBe(expected);
  });
});

describe('handoutPages', () => {
  it('makes one page per moment in the deck’s order, each with its link', () => {
    const deck: Deck = {
      roomId: 'r1',
      version: 3,
      updatedAtMs: 0,
      moments: [moment({ id: 'b', eventId: 'second', chart: 'reported-deaths' }), moment({ id: 'a', storyMs: utc('2025-04-02'), title: 'Start' })],
    };
    const pages = handoutPages('r1', deck, schedule);
    expect(pages.map((p) => [p.moment.id, p.pageNumber, p.title, p.event?.id, p.chartEvents.length])).toEqual([
      ['b', 1, 'Event second', 'second', 2],
      ['a', 2, 'Start', undefined, 1],
    ]);
    expect(pages[0]?.link).toBe('/rooms/r1?t=2025-04-15T00%3A00%3A00.000Z&event=second&chart=reported-deaths');
  });
});
