import { describe, expect, it } from 'vitest';
import { activityKindOf, type ActivityKind } from '@/lib/charts/activityKind';
import { strikesVsDiplomacy, type CountsByActivity, type StrikesVsDiplomacySeries } from '@/lib/charts/strikesVsDiplomacy';
import type { EventType, StoryEvent } from '@/lib/events/schema';
import { FIRST_STORY_END_MS, at, byDay, loadFirstStory, makeEvent, releasedAt, utc } from './chartFixtures';

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

const handMade: StoryEvent[] = [
  makeEvent('strike-a', at('2025-04-04'), { type: 'strike' }),
  makeEvent('meeting-b', at('2025-04-04T09:00Z', 'exact'), { type: 'meeting' }),
  makeEvent('talk', at('2025-04-05')),
  makeEvent('proposal-c', at('2025-04-06'), { type: 'proposal' }),
  makeEvent('strike-undated', byDay('2025-04-07'), { type: 'strike' }),
  makeEvent('proposal-week', at('2025-03-31', 'week'), { type: 'proposal' }),
];

describe('strikesVsDiplomacy on hand-made events', () => {
  it.each<[string, StoryEvent[], number, number, CountsByActivity, CountsByActivity, string[]]>([
    ['nothing released', [], utc('2025-04-07'), 0, { kinetic: 0, diplomatic: 0 }, { kinetic: 0, diplomatic: 0 }, []],
    ['statements only: bins, but no activity', [makeEvent('talk', at('2025-04-05'))], utc('2025-04-06'), 1, { kinetic: 0, diplomatic: 0 }, { kinetic: 0, diplomatic: 0 }, []],
    ['mixed', handMade, utc('2025-04-07T12:00Z'), 4, { kinetic: 1, diplomatic: 2 }, { kinetic: 1, diplomatic: 1 }, ['2025-04-04: 1/1', '2025-04-06: 0/1']],
  ])('%s', (_name, events, playheadMs, binCount, placed, approximate, bins) => {
    const series = strikesVsDiplomacy(events, playheadMs);
    expect(series.rows).toHaveLength(binCount);
    expect(series.placed).toEqual(placed);
    expect(series.approximate).toEqual(approximate);
    expect(activeBins(series)).toEqual(bins);
  });
});

describe('strikesVsDiplomacy on the first story', async () => {
  const story = await loadFirstStory();
  it.each<[string, number, number, CountsByActivity, CountsByActivity, string[]]>([
    ['before the first dated event', utc('2025-04-01'), 0, { kinetic: 0, diplomatic: 0 }, { kinetic: 0, diplomatic: 1 }, []],
    ['on 21 April', utc('2025-04-21'), 18, { kinetic: 1, diplomatic: 0 }, { kinetic: 0, diplomatic: 3 }, ['2025-04-04: 1/0']],
    ['at the end', FIRST_STORY_END_MS, 22, { kinetic: 1, diplomatic: 1 }, { kinetic: 3, diplomatic: 3 }, ['2025-04-04: 1/0', '2025-04-25: 0/1']],
  ])('%s', (_name, playheadMs, binCount, placed, approximate, bins) => {
    const series = strikesVsDiplomacy(releasedAt(story, playheadMs), playheadMs);
    expect(series.rows).toHaveLength(binCount);
    expect(series.placed).toEqual(placed);
    expect(series.approximate).toEqual(approximate);
    expect(activeBins(series)).toEqual(bins);
  });
});
