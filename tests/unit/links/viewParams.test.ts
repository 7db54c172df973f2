import { describe, expect, it } from 'vitest';
import { isLink, momentUrl, resolveLinkedView, viewFromParams, viewToParams, type LinkedView } from '@/app/roomScreen/viewParams';
import { at, makeEvent, utc } from '../charts/chartFixtures';

const params = (query: string) => new URLSearchParams(query);
const NO_LINK: LinkedView = { atMs: null, eventId: null, chart: null, filter: { types: [], actors: [] } };

describe('viewFromParams', () => {
  it('reads every part of a link', () => {
    expect(viewFromParams(params('t=2025-04-04T00:00:00.000Z&event=restaurant-strike-april-4&type=strike,meeting&actor=NATO&chart=reported-deaths'))).toEqual({
      atMs: utc('2025-04-04'),
      eventId: 'restaurant-strike-april-4',
      chart: 'reported-deaths',
      filter: { types: ['strike', 'meeting'], actors: ['NATO'] },
    });
  });

  it('accepts an instant with an offset', () => {
    expect(viewFromParams(params('t=2025-04-04T02:00:00%2B02:00')).atMs).toBe(utc('2025-04-04'));
  });

  it.each([
    ['t=yesterday', 'a time that is not an ISO instant'],
    ['t=2025-04-04', 'a date without a time'],
    ['t=2025-04-04T00:00:00', 'an instant without an offset'],
    ['t=2025-02-30T00:00:00Z', 'a day that does not exist'],
    ['t=2025-13-01T00:00:00Z', 'a month that does not exist'],
    ['t=2025-04-04T24:00:00Z', 'an hour past 23'],
    ['t=2025-04-04T00:00:00Z%20', 'trailing text'],
    ['event=Not A Slug', 'an event id that is not a slug'],
    ['chart=pie', 'an unknown chart'],
    ['type=riot', 'an unknown type'],
    ['', 'nothing'],
  ])('drops %s (%s)', (query) => {
    expect(viewFromParams(params(query))).toEqual(NO_LINK);
  });

  it('keeps the good params when one is bad', () => {
    const view = viewFromParams(params('t=nonsense&event=kyiv-missile-strike&chart=pie'));
    expect(view).toEqual({ ...NO_LINK, eventId: 'kyiv-missile-strike' });
  });

  it('tells a link from a filter alone', () => {
    expect(isLink(viewFromParams(params('type=strike')))).toBe(false);
    expect(isLink(viewFromParams(params('chart=reported-deaths')))).toBe(true);
    expect(isLink(viewFromParams(params('t=2025-04-04T00:00:00Z')))).toBe(true);
  });
});

describe('viewToParams and momentUrl', () => {
  const moment = {
    storyMs: utc('2025-04-21T12:30:00Z'),
    eventId: 'putin-admits-civilian-targets',
    filter: { types: ['statement' as const], actors: ['Vladimir V. Putin', 'NATO'] },
    chart: 'strikes-vs-diplomacy' as const,
  };

  it('writes t, event, type, actor and chart in that order', () => {
    expect(momentUrl('room_1', moment)).toBe(
      '/rooms/room_1?t=2025-04-21T12%3A30%3A00.000Z&event=putin-admits-civilian-targets&type=statement&actor=Vladimir+V.+Putin&actor=NATO&chart=strikes-vs-diplomacy',
    );
  });

  it('leaves out an absent event and an empty filter', () => {
    expect(momentUrl('r', { ...moment, eventId: null, filter: { types: [], actors: [] } })).toBe('/rooms/r?t=2025-04-21T12%3A30%3A00.000Z&chart=strikes-vs-diplomacy');
  });

  it('round-trips through the parser', () => {
    const url = new URL(momentUrl('r', moment), 'http://localhost');
    expect(viewFromParams(url.searchParams)).toEqual({ atMs: moment.storyMs, eventId: moment.eventId, chart: moment.chart, filter: moment.filter });
    expect(viewFromParams(viewToParams(NO_LINK))).toEqual(NO_LINK);
  });

  it('escapes the room id', () => {
    expect(momentUrl('a/b', moment).startsWith('/rooms/a%2Fb?')).toBe(true);
  });
});

describe('resolveLinkedView', () => {
  const released = [makeEvent('early', at('2025-04-01')), makeEvent('middle', at('2025-04-10')), makeEvent('late', at('2025-04-20'))];
  const room = { playheadMs: utc('2025-04-20'), startMs: utc('2025-04-01'), released };

  it('opens at the link’s time with its event when the room has passed it', () => {
    expect(resolveLinkedView({ ...NO_LINK, atMs: utc('2025-04-12'), eventId: 'middle' }, room)).toEqual({
      positionMs: utc('2025-04-12'),
      eventId: 'middle',
      aheadOfRoom: null,
    });
  });

  it('never goes past the room: a link ahead of it shows the room’s position and says so', () => {
    expect(resolveLinkedView({ ...NO_LINK, atMs: utc('2025-04-25'), eventId: 'late' }, room)).toEqual({
      positionMs: room.playheadMs,
      eventId: 'late',
      aheadOfRoom: { askedMs: utc('2025-04-25'), roomMs: room.playheadMs },
    });
  });

  it('does not open an event that is not released at that time', () => {
    expect(resolveLinkedView({ ...NO_LINK, atMs: utc('2025-04-05'), eventId: 'late' }, room).eventId).toBeNull();
    expect(resolveLinkedView({ ...NO_LINK, eventId: 'unknown' }, room).eventId).toBeNull();
  });

  it('keeps a time before the story at its start', () => {
    expect(resolveLinkedView({ ...NO_LINK, atMs: utc('2000-01-01') }, room).positionMs).toBe(room.startMs);
  });

  it('without a time, follows the room and opens a released event', () => {
    expect(resolveLinkedView({ ...NO_LINK, eventId: 'late' }, room)).toEqual({ positionMs: null, eventId: 'late', aheadOfRoom: null });
  });
});
