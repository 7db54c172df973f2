import { type EventType } from '@/lib/events/eventTypes';
import { describe, expect, it } from 'vitest';
import { activityKindOf, type ActivityKind } from '@/lib/charts/activityKind';
import { chartStory, releasedCountAt } from '@/lib/charts/chartStory';
import {
  revealStrikesVsDiplomacy,
  strikesVsDiplomacy,
  strikesVsDiplomacyStory,
  type CountsByActivity,
  type StrikesVsDiplomacySeries,
} from '@/lib/charts/strikesVsDiplomacy';
import type { StoryEvent } from '@/lib/events/schema';
import { SMALL_STORY, SMALL_STORY_DOMAIN, SMALL_STORY_END_MS, at, byDay, domain, inStoryOrder, makeEvent, utc } from './chartFixtures';

describe('activityKindOf', () => {
  it.each<[EventType, ActivityKind | null]>([
    ['strike', 'kinetic'],
    ['meeting', 'diplomatic'],
    ['proposal', 'diplomatic'],
    ['statement', null],
    ['claim', null],
    ['background', null],
  ])('%s is %s', (type, kind) => {
    expect(activityKindOf(type)).toBe(kind);
  });
});

/** The bins with any activity, as "day: kinetic/diplomatic". */
const activeBins = (series: StrikesVsDiplomacySeries) =>
  series.rows.filter((r) => r.kinetic + r.diplomatic > 0).map((r) => `${new Date(r.startMs).toISOString().slice(0, 10)}: ${r.kinetic}/${r.diplomatic}`);

const handMade: StoryEvent[] = inStoryOrder([
  makeEvent('strike-a', at('2025-04-04'), { type: 'strike' }),
  makeEvent('meeting-b', at('2025-04-04T09:00Z', 'exact'), { type: 'meeting' }),
  makeEvent('talk', at('2025-04-05')),
  makeEvent('proposal-c', at('2025-04-06'), { type: 'proposal' }),
  makeEvent('strike-undated', byDay('2025-04-07'), { type: 'strike' }),
  makeEvent('proposal-week', at('2025-03-31', 'week'), { type: 'proposal' }),
]);
const APRIL_WEEK = domain('2025-04-01', '2025-04-07');
const NONE: CountsByActivity = { kinetic: 0, diplomatic: 0 };

describe('strikesVsDiplomacy on hand-made events', () => {
  it.each<[string, StoryEvent[], number, CountsByActivity, CountsByActivity, CountsByActivity, string[]]>([
    // name, events, bins, placed, approximate, outside, active bins
    ['nothing released', [], 7, NONE, NONE, NONE, []],
    ['statements only: bins, but no activity', [makeEvent('talk', at('2025-04-05'))], 7, NONE, NONE, NONE, []],
    ['mixed', handMade, 7, { kinetic: 1, diplomatic: 2 }, { kinetic: 1, diplomatic: 1 }, NONE, ['2025-04-04: 1/1', '2025-04-06: 0/1']],
    ['outside the domain', [makeEvent('early-strike', at('2025-03-20'), { type: 'strike' })], 7, NONE, NONE, { kinetic: 1, diplomatic: 0 }, []],
  ])('%s', (_name, events, binCount, placed, approximate, outside, bins) => {
    const series = strikesVsDiplomacy(events, APRIL_WEEK);
    expect(series.rows).toHaveLength(binCount);
    expect(series.placed).toEqual(placed);
    expect(series.approximate).toEqual(approximate);
    expect(series.outside).toEqual(outside);
    expect(activeBins(series)).toEqual(bins);
  });
});

describe('strikesVsDiplomacy on a small story, revealed at the playhead', () => {
  const events = chartStory(SMALL_STORY, SMALL_STORY_DOMAIN);
  it.each<[string, number, CountsByActivity, CountsByActivity, string[]]>([
    ['before the first dated event', utc('2025-03-31'), NONE, { kinetic: 0, diplomatic: 1 }, []],
    ['on 12 April', utc('2025-04-12'), { kinetic: 1, diplomatic: 1 }, { kinetic: 0, diplomatic: 1 }, ['2025-04-01: 1/1']],
    ['at the end', SMALL_STORY_END_MS, { kinetic: 1, diplomatic: 1 }, { kinetic: 2, diplomatic: 2 }, ['2025-04-01: 1/1']],
  ])('%s', (_name, playheadMs, placed, approximate, bins) => {
    const series = revealStrikesVsDiplomacy(strikesVsDiplomacyStory(events), releasedCountAt(events, playheadMs));
    expect(series.rows).toHaveLength(88);
    expect(series.placed).toEqual(placed);
    expect(series.approximate).toEqual(approximate);
    expect(activeBins(series)).toEqual(bins);
  });
});
