import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { markOf, type TimelineMark } from '@/lib/timeline/marks';
import { makeEvent, point, range, utc } from './fixtures';

type Expected = Omit<TimelineMark, 'id' | 'type' | 'lane'>;

describe('markOf', () => {
  it.each<[string, StoryEvent, Expected]>([
    [
      'a day: a point',
      makeEvent('e', 'strike', 'Missile strike', point('2025-04-04', 'day')),
      { shape: 'point', fromMs: utc(2025, 4, 4), toMs: utc(2025, 4, 4), precision: 'day', accessibleName: 'Strike: Missile strike, 4 Apr 2025' },
    ],
    [
      'an instant: a point',
      makeEvent('e', 'statement', 'Late call', point('2025-04-24T22:30Z', 'exact')),
      { shape: 'point', fromMs: utc(2025, 4, 24, 22) + 30 * 60_000, toMs: utc(2025, 4, 24, 22) + 30 * 60_000, precision: 'exact', accessibleName: 'Statement: Late call, 24 Apr 2025, 22:30 UTC' },
    ],
    [
      'a week: an approximate span',
      makeEvent('e', 'claim', 'Kursk claim', point('2025-04-14', 'week')),
      { shape: 'span', fromMs: utc(2025, 4, 14), toMs: utc(2025, 4, 21), precision: 'approximate', accessibleName: 'Claim: Kursk claim, week of 14 Apr 2025 (approximate)' },
    ],
    [
      'a year: an approximate span',
      makeEvent('e', 'background', 'Campaign', point('2018-01-01', 'year')),
      { shape: 'span', fromMs: utc(2018, 1, 1), toMs: utc(2019, 1, 1), precision: 'approximate', accessibleName: 'Background: Campaign, 2018 (approximate)' },
    ],
    [
      'a range: a span to the end of its end day',
      makeEvent('e', 'meeting', 'Sessions', range(['2025-01-01', 'month'], ['2025-04-24', 'day'])),
      { shape: 'span', fromMs: utc(2025, 1, 1), toMs: utc(2025, 4, 25), precision: 'approximate', accessibleName: 'Meeting: Sessions, Jan 2025 – 24 Apr 2025 (approximate)' },
    ],
    [
      'an end-only range: on or before the end of its end day',
      makeEvent('e', 'strike', 'Kyiv strike', range(undefined, ['2025-04-25', 'day'])),
      { shape: 'onOrBefore', fromMs: utc(2025, 4, 26), toMs: utc(2025, 4, 26), precision: 'approximate', accessibleName: 'Strike: Kyiv strike, date not given (by 25 Apr 2025)' },
    ],
    [
      'a start-only range: on or after its start',
      makeEvent('e', 'proposal', 'Plan', range(['2025-03-03', 'day'])),
      { shape: 'onOrAfter', fromMs: utc(2025, 3, 3), toMs: utc(2025, 3, 3), precision: 'approximate', accessibleName: 'Proposal: Plan, from 3 Mar 2025 (approximate)' },
    ],
  ])('%s', (_name, event, expected) => {
    const mark = markOf(event);
    expect(mark).toMatchObject({ id: event.id, type: event.type, ...expected });
  });

  it('puts the mark in its type’s lane and returns the same object for the same event', () => {
    const event = makeEvent('p', 'proposal', 'Plan', point('2025-04-19', 'day'));
    expect(markOf(event).lane).toBe('diplomatic');
    expect(markOf(event)).toBe(markOf(event));
  });
});
