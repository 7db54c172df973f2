import { describe, expect, it } from 'vitest';
import { StoryCatalog, storySpanMs, summarizeStory } from '@/lib/events/catalog';
import type { Story } from '@/lib/events/checkStory';
import { compareEvents, eventSpan, isPrecise, timeSpan, type EventSpan } from '@/lib/events/eventSpan';
import type { DatePrecision } from '@/lib/events/precision';
import type { Dated, Scenario, StoryEvent, StoryTime } from '@/lib/events/schema';

/** UTC epoch ms of an ISO instant, by the platform parser (independent of the code under test). */
const at = (isoText: string): number => {
  const ms = Date.parse(isoText);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${isoText}`);
  return ms;
};
/** UTC midnight starting a calendar date. */
const midnight = (date: string): number => at(`${date}T00:00:00Z`);

const point = (date: string, precision: DatePrecision): StoryTime => ({ kind: 'point', date, precision, asWritten: 'as written' });
const range = (start: Dated | undefined, end: Dated | undefined): StoryTime => ({
  kind: 'range',
  ...(start && { start }),
  ...(end && { end }),
  asWritten: 'as written',
});
const day = (date: string): Dated => ({ date, precision: 'day' });

function event(id: string, time: StoryTime): StoryEvent {
  return {
    id,
    type: 'statement',
    title: `Event ${id}`,
    summary: `Summary of ${id}`,
    time,
    actors: [],
    quote: { text: 'x', start: 0, end: 1 },
    attribution: 'a test',
    importance: 2,
    tags: [],
  };
}

describe('timeSpan of a point', () => {
  it.each<[DatePrecision, string, EventSpan]>([
    ['exact', '2025-04-24T22:30Z', { startMs: at('2025-04-24T22:30:00Z'), endMs: at('2025-04-24T22:30:00Z'), anchorMs: at('2025-04-24T22:30:00Z') }],
    ['exact', '2025-04-24T22:30+03:00', { startMs: at('2025-04-24T19:30:00Z'), endMs: at('2025-04-24T19:30:00Z'), anchorMs: at('2025-04-24T19:30:00Z') }],
    ['day', '2025-04-25', { startMs: 1_745_539_200_000, endMs: 1_745_625_600_000, anchorMs: 1_745_539_200_000 }],
    ['day', '2024-02-29', { startMs: midnight('2024-02-29'), endMs: midnight('2024-03-01'), anchorMs: midnight('2024-02-29') }],
    ['week', '2025-04-14', { startMs: midnight('2025-04-14'), endMs: midnight('2025-04-21'), anchorMs: midnight('2025-04-14') }],
    ['month', '2025-04-01', { startMs: midnight('2025-04-01'), endMs: midnight('2025-05-01'), anchorMs: midnight('2025-04-01') }],
    ['month', '2024-02-01', { startMs: midnight('2024-02-01'), endMs: midnight('2024-03-01'), anchorMs: midnight('2024-02-01') }],
    ['season', '2022-09-01', { startMs: midnight('2022-09-01'), endMs: midnight('2022-12-01'), anchorMs: midnight('2022-09-01') }],
    ['season', '2024-12-01', { startMs: midnight('2024-12-01'), endMs: midnight('2025-03-01'), anchorMs: midnight('2024-12-01') }],
    ['year', '2018-01-01', { startMs: midnight('2018-01-01'), endMs: midnight('2019-01-01'), anchorMs: midnight('2018-01-01') }],
  ])('%s %s', (precision, date, span) => {
    expect(timeSpan(point(date, precision))).toEqual(span);
  });
});

describe('timeSpan of a range', () => {
  it.each<[string, StoryTime, EventSpan]>([
    [
      'start and end days: the end day is included',
      range(day('2025-04-19'), day('2025-04-25')),
      { startMs: midnight('2025-04-19'), endMs: midnight('2025-04-26'), anchorMs: midnight('2025-04-19') },
    ],
    [
      'a month start and a day end',
      range({ date: '2025-01-01', precision: 'month' }, day('2025-04-24')),
      { startMs: midnight('2025-01-01'), endMs: midnight('2025-04-25'), anchorMs: midnight('2025-01-01') },
    ],
    [
      'a week start and a month end',
      range({ date: '2025-03-31', precision: 'week' }, { date: '2025-05-01', precision: 'month' }),
      { startMs: midnight('2025-03-31'), endMs: midnight('2025-06-01'), anchorMs: midnight('2025-03-31') },
    ],
    [
      'exact instants',
      range({ date: '2025-04-24T08:00Z', precision: 'exact' }, { date: '2025-04-24T22:30+03:00', precision: 'exact' }),
      { startMs: at('2025-04-24T08:00:00Z'), endMs: at('2025-04-24T19:30:00Z'), anchorMs: at('2025-04-24T08:00:00Z') },
    ],
    [
      'only an end day: no start, anchored at the start of the end day',
      range(undefined, day('2025-04-25')),
      { startMs: null, endMs: midnight('2025-04-26'), anchorMs: midnight('2025-04-25') },
    ],
    [
      'only an end month: anchored at the start of the month',
      range(undefined, { date: '2025-04-01', precision: 'month' }),
      { startMs: null, endMs: midnight('2025-05-01'), anchorMs: midnight('2025-04-01') },
    ],
    [
      'only a start day: no end, anchored at the start',
      range(day('2025-04-04'), undefined),
      { startMs: midnight('2025-04-04'), endMs: null, anchorMs: midnight('2025-04-04') },
    ],
    [
      'only a season start',
      range({ date: '2022-09-01', precision: 'season' }, undefined),
      { startMs: midnight('2022-09-01'), endMs: null, anchorMs: midnight('2022-09-01') },
    ],
  ])('%s', (_name, time, span) => {
    expect(timeSpan(time)).toEqual(span);
  });

  it('throws on a range with neither bound (the schema never lets one through)', () => {
    expect(() => timeSpan(range(undefined, undefined))).toThrow('Unvalidated story time: a range needs a start or an end');
  });

  it.each<[string, StoryTime, string]>([
    ['an impossible point', point('2025-02-30', 'day'), 'Unvalidated story date: impossible date "2025-02-30": February 2025 has 28 days'],
    ['an exact point without offset', point('2025-04-24T10:00', 'exact'), 'Unvalidated story date: expected an ISO 8601 date-time'],
    ['an impossible range start', range(day('2025-13-01'), day('2025-04-25')), 'Unvalidated story date: impossible date "2025-13-01": there is no month 13'],
  ])('throws on %s', (_name, time, message) => {
    expect(() => timeSpan(time)).toThrow(message);
  });
});

describe('eventSpan', () => {
  it('equals timeSpan and is memoised per time object', () => {
    const e = event('a', point('2025-04-14', 'week'));
    const first = eventSpan(e);
    expect(first).toEqual(timeSpan(e.time));
    expect(eventSpan(e)).toBe(first);
    expect(eventSpan({ time: e.time })).toBe(first);
    expect(eventSpan(event('b', point('2025-04-14', 'week')))).not.toBe(first);
  });
});

describe('isPrecise', () => {
  it.each<[string, StoryTime, boolean]>([
    ['exact', point('2025-04-24T22:30Z', 'exact'), true],
    ['day', point('2025-04-25', 'day'), true],
    ['week', point('2025-04-14', 'week'), false],
    ['month', point('2025-04-01', 'month'), false],
    ['season', point('2022-09-01', 'season'), false],
    ['year', point('2018-01-01', 'year'), false],
    ['a range of one day', range(day('2025-04-25'), day('2025-04-25')), false],
    ['an end-only range', range(undefined, day('2025-04-25')), false],
  ])('%s -> %s', (_name, time, precise) => {
    expect(isPrecise(time)).toBe(precise);
  });
});

/** Sign of a comparison, so that tables can say -1/0/1 whatever the magnitude returned. */
const sign = (n: number): number => Math.sign(n) + 0;

describe('compareEvents', () => {
  it.each<[string, StoryEvent, StoryEvent, number]>([
    // 1. the anchor decides first, whatever the ids and precisions
    ['an earlier day first, though its id sorts last', event('z', point('2025-04-24', 'day')), event('a', point('2025-04-25', 'day')), -1],
    ['an earlier instant first, on the same day', event('z', point('2025-04-24T08:00Z', 'exact')), event('a', point('2025-04-24T22:30Z', 'exact')), -1],
    ['a year before a season of that year', event('z', point('2022-01-01', 'year')), event('a', point('2022-09-01', 'season')), -1],
    ['a wide range starting earlier before a day inside it', event('z', range(day('2025-04-19'), day('2025-04-25'))), event('a', point('2025-04-21', 'day')), -1],
    ['a point before an end-only range anchored later', event('z', point('2025-04-24', 'day')), event('a', range(undefined, day('2025-04-25'))), -1],
    ['an exact instant at +03:00 compared in UTC', event('z', point('2025-04-25T01:00+03:00', 'exact')), event('a', point('2025-04-24T23:00Z', 'exact')), -1],
    // 2. same anchor: the narrower period (the earlier end) first, whatever the ids
    ['same start: an exact instant before its day', event('z', point('2025-01-01T00:00Z', 'exact')), event('a', point('2025-01-01', 'day')), -1],
    ['same start: a day before its week', event('z', point('2025-04-14', 'day')), event('a', point('2025-04-14', 'week')), -1],
    ['same start: a week before its month', event('z', point('2025-09-01', 'week')), event('a', point('2025-09-01', 'month')), -1],
    ['same start: a month before its season', event('z', point('2025-03-01', 'month')), event('a', point('2025-03-01', 'season')), -1],
    ['same start: a month before its year', event('z', point('2025-01-01', 'month')), event('a', point('2025-01-01', 'year')), -1],
    ['same start: a shorter range before a longer one', event('z', range(day('2025-04-19'), day('2025-04-21'))), event('a', range(day('2025-04-19'), day('2025-04-25'))), -1],
    ['same start: a day before a range starting that day', event('z', point('2025-04-19', 'day')), event('a', range(day('2025-04-19'), day('2025-04-25'))), -1],
    // 3. same anchor and same end: by id
    ['same period: by id', event('a', point('2025-04-25', 'day')), event('b', point('2025-04-25', 'day')), -1],
    ['same period: ids compare by code unit, "a-b" before "a1"', event('a-b', point('2025-04-25', 'day')), event('a1', point('2025-04-25', 'day')), -1],
    ['same two-sided range: by id', event('crimea', range(day('2025-04-19'), day('2025-04-25'))), event('peace', range(day('2025-04-19'), day('2025-04-25'))), -1],
    ['same end-only range: by id', event('kyiv', range(undefined, day('2025-04-25'))), event('pavlohrad', range(undefined, day('2025-04-25'))), -1],
    // 3b. same anchor and end: a known start before an "on or before" range, whatever the ids
    ['a day before an end-only range on that day', event('putin', point('2025-04-25', 'day')), event('kyiv', range(undefined, day('2025-04-25'))), -1],
    ['same start: a day before an open-ended range from that day', event('z', point('2025-04-04', 'day')), event('a', range(day('2025-04-04'), undefined)), -1],
    ['same start: an exact instant before an open-ended range from it', event('z', point('2025-04-04T00:00Z', 'exact')), event('a', range(day('2025-04-04'), undefined)), -1],
    ['the same id and period: equal', event('same', point('2025-04-25', 'day')), event('same', point('2025-04-25', 'day')), 0],
  ])('%s', (_name, a, b, expected) => {
    expect(sign(compareEvents(a, b))).toBe(expected);
    // antisymmetric
    expect(sign(compareEvents(b, a))).toBe(0 - expected);
  });

  it('puts a shuffled list in story order', () => {
    const ordered = [
      event('remchukov-2018', point('2018-01-01', 'year')),
      event('invasion', point('2022-01-01', 'year')),
      event('nato-demand', point('2022-01-01', 'year')),
      event('annexation', point('2022-09-01', 'season')),
      event('sessions', range({ date: '2025-01-01', precision: 'month' }, day('2025-04-24'))),
      event('restaurant', point('2025-04-04', 'day')),
      event('kursk', point('2025-04-14', 'week')),
      event('peace', range(day('2025-04-19'), day('2025-04-25'))),
      event('admits', point('2025-04-21', 'day')),
      event('lavrov-at-night', point('2025-04-24T22:30Z', 'exact')),
      event('meeting', point('2025-04-25', 'day')),
      event('kyiv', range(undefined, day('2025-04-25'))),
      event('pavlohrad', range(undefined, day('2025-04-25'))),
    ];
    const shuffled = [7, 3, 12, 0, 9, 5, 1, 11, 2, 8, 10, 4, 6].map((i) => ordered[i] as StoryEvent);
    expect(shuffled.sort(compareEvents).map((e) => e.id)).toEqual(ordered.map((e) => e.id));
  });

});

const scenario: Scenario = {
  format: 2,
  id: 'test-story',
  title: 'A test story',
  summary: 'Events for tests.',
  published: '2025-04-25',
  source: { file: 'article.txt', citation: 'a test article' },
};
const story = (events: StoryEvent[], overrides: Partial<Scenario> = {}): Story => ({
  scenario: { ...scenario, ...overrides },
  events,
  sourceText: 'x',
});

describe('storySpanMs', () => {
  it.each<[string, StoryEvent[], { startMs: number; endMs: number } | null]>([
    ['no events', [], null],
    ['one day', [event('a', point('2025-04-25', 'day'))], { startMs: midnight('2025-04-25'), endMs: midnight('2025-04-26') }],
    ['one exact instant', [event('a', point('2025-04-24T22:30Z', 'exact'))], { startMs: at('2025-04-24T22:30:00Z'), endMs: at('2025-04-24T22:30:00Z') }],
    ['one season', [event('a', point('2024-12-01', 'season'))], { startMs: midnight('2024-12-01'), endMs: midnight('2025-03-01') }],
    [
      'a year and an end-only range: from the year start to the end of the end day',
      [event('b', range(undefined, day('2025-04-25'))), event('a', point('2018-01-01', 'year'))],
      { startMs: midnight('2018-01-01'), endMs: midnight('2025-04-26') },
    ],
    [
      'an end-only range alone: from the start of its end bound',
      [event('a', range(undefined, day('2025-04-25')))],
      { startMs: midnight('2025-04-25'), endMs: midnight('2025-04-26') },
    ],
    [
      'a start-only range alone: no known end, so the span ends at its start',
      [event('a', range(day('2025-04-04'), undefined))],
      { startMs: midnight('2025-04-04'), endMs: midnight('2025-04-04') },
    ],
    [
      'the latest end wins, not the latest anchor',
      [event('a', point('2025-04-01', 'month')), event('b', point('2025-04-25', 'day'))],
      { startMs: midnight('2025-04-01'), endMs: midnight('2025-05-01') },
    ],
    [
      'order of the input does not matter',
      [event('b', point('2025-04-25', 'day')), event('c', point('2025-04-14', 'week')), event('a', point('2025-04-04', 'day'))],
      { startMs: midnight('2025-04-04'), endMs: midnight('2025-04-26') },
    ],
  ])('%s', (_name, events, expected) => {
    expect(storySpanMs(events)).toEqual(expected);
  });
});

describe('summarizeStory', () => {
  it('summarises a story with events', () => {
    const events = [
      event('a', point('2022-09-01', 'season')),
      event('b', range(day('2025-04-19'), day('2025-04-25'))),
      event('c', range(undefined, day('2025-04-25'))),
    ];
    expect(summarizeStory(story(events))).toEqual({
      id: 'test-story',
      title: 'A test story',
      summary: 'Events for tests.',
      published: '2025-04-25',
      eventCount: 3,
      span: { start: '2022-09-01T00:00:00.000Z', end: '2025-04-26T00:00:00.000Z' },
    });
  });

  it('gives no span for a story without events', () => {
    expect(summarizeStory(story([]))).toEqual({
      id: 'test-story',
      title: 'A test story',
      summary: 'Events for tests.',
      published: '2025-04-25',
      eventCount: 0,
      span: null,
    });
  });
});

describe('StoryCatalog', () => {
  const b = story([event('x', point('2025-04-25', 'day'))], { id: 'b-story', title: 'B' });
  const a = story([], { id: 'a-story', title: 'A' });
  const catalog = new StoryCatalog([b, a], (s) => `v-${s.scenario.id}`);

  it('finds stories by id', () => {
    expect(catalog.get('a-story')).toBe(a);
    expect(catalog.get('b-story')).toBe(b);
    expect(catalog.get('c-story')).toBeUndefined();
  });

  it('keeps the version of each story', () => {
    expect(catalog.version('a-story')).toBe('v-a-story');
    expect(catalog.version('c-story')).toBeUndefined();
  });

  it('lists ids and summaries sorted by id', () => {
    expect(catalog.ids()).toEqual(['a-story', 'b-story']);
    expect(catalog.summaries().map((s) => [s.id, s.title, s.eventCount])).toEqual([
      ['a-story', 'A', 0],
      ['b-story', 'B', 1],
    ]);
  });
});

describe('StoryCatalog updates', () => {
  const first = story([], { id: 'a-story', title: 'First' });
  const second = story([event('x', point('2025-04-25', 'day'))], { id: 'a-story', title: 'Second' });
  const other = story([], { id: 'b-story', title: 'Other' });

  it('puts a new story in, replaces a story of the same id whole, and withdraws one', () => {
    const catalog = new StoryCatalog([first], (s) => `v-${s.scenario.title}`);
    expect(catalog.put(other)).toBe('v-Other');
    expect(catalog.ids()).toEqual(['a-story', 'b-story']);
    expect(catalog.put(second)).toBe('v-Second');
    expect(catalog.get('a-story')).toBe(second);
    expect(catalog.version('a-story')).toBe('v-Second');
    expect(catalog.summary('a-story')).toMatchObject({ title: 'Second', eventCount: 1 });
    catalog.withdraw('b-story');
    catalog.withdraw('no-story');
    expect(catalog.ids()).toEqual(['a-story']);
    expect(catalog.summary('b-story')).toBeUndefined();
  });
});
