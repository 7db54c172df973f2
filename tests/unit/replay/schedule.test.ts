import { lowerBound, upperBound } from '@/lib/sortedSearch';
import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { buildSchedule, nextAnchorAfter, previousAnchorBefore, releasedCountAt, scheduleOf, stepTarget } from '@/lib/replay/schedule';
import { A, IDS, STORY, dated, endOnly, makeEvent, point, range, utc } from './fixtures';

describe('buildSchedule on the test story', () => {
  const schedule = buildSchedule(STORY);

  it('orders the events by anchor and gives each its anchor', () => {
    expect(schedule.events.map((e) => e.id)).toEqual(IDS);
    expect(schedule.anchorsMs).toEqual([A.covenant, A.clash, A.ceasefire, A.envoy, A.talks, A.talks, A.aid, A.final]);
  });

  it('runs from the first anchor to the end of the latest period (the week of 14 April ends 21 April)', () => {
    expect(schedule.startMs).toBe(Date.UTC(2021, 0, 1));
    expect(schedule.endMs).toBe(Date.UTC(2025, 3, 21));
  });

  it('has the distinct anchors plus the end as boundaries', () => {
    expect(schedule.boundariesMs).toEqual([A.covenant, A.clash, A.ceasefire, A.envoy, A.talks, A.aid, A.final, A.end]);
  });

  it('does not mutate its input', () => {
    const input = [...STORY].reverse();
    const before = input.map((e) => e.id);
    buildSchedule(input);
    expect(input.map((e) => e.id)).toEqual(before);
  });
});

describe('buildSchedule ordering and span', () => {
  it.each<[string, StoryEvent[], string[], number[], number, number, number[]]>([
    [
      'shuffled input is put in anchor order',
      [STORY[6], STORY[0], STORY[3], STORY[1]].filter((e): e is StoryEvent => e !== undefined),
      ['covenant-signed', 'border-clash', 'envoy-visit', 'aid-claim'],
      [A.covenant, A.clash, A.envoy, A.aid],
      A.covenant,
      utc(2025, 4, 18),
      [A.covenant, A.clash, A.envoy, A.aid, utc(2025, 4, 18)],
    ],
    [
      'ties on the anchor: the narrower period first, then by id (README), whatever the input order',
      [
        makeEvent('b-week', point('2025-04-14', 'week')),
        makeEvent('z-day', point('2025-04-14', 'day')),
        makeEvent('a-day', point('2025-04-14', 'day')),
        makeEvent('month', point('2025-04-01', 'month')),
      ],
      ['month', 'a-day', 'z-day', 'b-week'],
      [utc(2025, 4, 1), utc(2025, 4, 14), utc(2025, 4, 14), utc(2025, 4, 14)],
      utc(2025, 4, 1),
      utc(2025, 5, 1),
      [utc(2025, 4, 1), utc(2025, 4, 14), utc(2025, 5, 1)],
    ],
    [
      'a start-only range is released at its start and adds no end beyond it',
      [makeEvent('since', range(dated('2025-04-10'), undefined)), makeEvent('day', point('2025-04-08', 'day'))],
      ['day', 'since'],
      [utc(2025, 4, 8), utc(2025, 4, 10)],
      utc(2025, 4, 8),
      utc(2025, 4, 10),
      [utc(2025, 4, 8), utc(2025, 4, 10)],
    ],
    [
      'an end-only range with week precision is anchored at the Monday of its end week, ends a week later',
      [makeEvent('by-week', endOnly('2025-04-14', 'week'))],
      ['by-week'],
      [utc(2025, 4, 14)],
      utc(2025, 4, 14),
      utc(2025, 4, 21),
      [utc(2025, 4, 14), utc(2025, 4, 21)],
    ],
    [
      'a full range is anchored at its start and ends with its end period',
      [makeEvent('campaign', range(dated('2025-03-01', 'month'), dated('2025-04-01', 'month')))],
      ['campaign'],
      [utc(2025, 3, 1)],
      utc(2025, 3, 1),
      utc(2025, 5, 1),
      [utc(2025, 3, 1), utc(2025, 5, 1)],
    ],
    [
      'a single exact event: start = end, a single boundary',
      [makeEvent('instant', point('2025-04-24T22:30Z', 'exact'))],
      ['instant'],
      [Date.UTC(2025, 3, 24, 22, 30)],
      Date.UTC(2025, 3, 24, 22, 30),
      Date.UTC(2025, 3, 24, 22, 30),
      [Date.UTC(2025, 3, 24, 22, 30)],
    ],
    ['no events', [], [], [], 0, 0, [0]],
  ])('%s', (_name, events, ids, anchors, startMs, endMs, boundaries) => {
    const schedule = buildSchedule(events);
    expect(schedule.events.map((e) => e.id)).toEqual(ids);
    expect(schedule.anchorsMs).toEqual(anchors);
    expect(schedule.startMs).toBe(startMs);
    expect(schedule.endMs).toBe(endMs);
    expect(schedule.boundariesMs).toEqual(boundaries);
  });
});

describe('upperBound / lowerBound', () => {
  const sorted = [10, 20, 20, 30];
  it.each<[number, number, number]>([
    // value, upperBound (first > value), lowerBound (first >= value)
    [5, 0, 0],
    [10, 1, 0],
    [15, 1, 1],
    [20, 3, 1],
    [25, 3, 3],
    [30, 4, 3],
    [35, 4, 4],
  ])('value %d -> upper %d, lower %d', (value, upper, lower) => {
    expect(upperBound(sorted, value)).toBe(upper);
    expect(lowerBound(sorted, value)).toBe(lower);
  });

  it('handles an empty array and typed arrays', () => {
    expect(upperBound([], 1)).toBe(0);
    expect(lowerBound([], 1)).toBe(0);
    expect(upperBound(new Float64Array([1, 2, 3]), 2)).toBe(2);
    expect(lowerBound(new Float64Array([1, 2, 3]), 2)).toBe(1);
  });
});

describe('releasedCountAt / nextAnchorAfter / previousAnchorBefore', () => {
  const schedule = buildSchedule(STORY);
  it.each<[string, number, number, number | undefined, number | undefined]>([
    ['before the start', A.covenant - 1, 0, A.covenant, undefined],
    ['at the first anchor', A.covenant, 1, A.clash, undefined],
    ['in the quiet gap', utc(2023, 6, 1), 1, A.clash, A.covenant],
    ['at 7 April', A.clash, 2, A.ceasefire, A.covenant],
    ['1 ms before 8 April', A.ceasefire - 1, 2, A.ceasefire, A.clash],
    ['at 14 April (two events)', A.talks, 6, A.aid, A.envoy],
    ['at 17 April', A.aid, 7, A.final, A.talks],
    ['at the last anchor', A.final, 8, undefined, A.aid],
    ['at the end', A.end, 8, undefined, A.final],
  ])('%s', (_name, storyMs, count, next, previous) => {
    expect(releasedCountAt(schedule, storyMs)).toBe(count);
    expect(nextAnchorAfter(schedule, storyMs)).toBe(next);
    expect(previousAnchorBefore(schedule, storyMs)).toBe(previous);
  });
});

describe('stepTarget: where a step lands, for the room and for a viewer alike', () => {
  const schedule = buildSchedule(STORY);
  // [where the playhead stands, next, previous]: previous goes back one event from the latest one released.
  it.each<[string, number, number | undefined, number | undefined]>([
    ['before the start', A.covenant - 1, A.covenant, undefined],
    ['at the first event', A.covenant, A.clash, undefined],
    ['in the quiet gap after the first event', utc(2023, 6, 1), A.clash, undefined],
    ['at 7 April', A.clash, A.ceasefire, A.covenant],
    ['between 8 and 10 April: back one event from 8 April, not to it', utc(2025, 4, 9), A.envoy, A.clash],
    ['at the tie on 14 April', A.talks, A.aid, A.envoy],
    ['at the last event', A.final, undefined, A.aid],
    ['at the end of the story', A.end, undefined, A.aid],
  ])('%s', (_name, storyMs, next, previous) => {
    expect(stepTarget(schedule, storyMs, 'next')).toBe(next);
    expect(stepTarget(schedule, storyMs, 'previous')).toBe(previous);
  });

  it('builds a story\'s schedule once per events array', () => {
    expect(scheduleOf(STORY)).toBe(scheduleOf(STORY));
    expect(scheduleOf(STORY)).toEqual(schedule);
    expect(scheduleOf([...STORY])).not.toBe(scheduleOf(STORY));
  });
});
