import { describe, expect, it } from 'vitest';
import { eventsPerBin, type EventsPerBinSeries } from '@/lib/charts/eventsPerBin';
import { EVENT_TYPES, type EventType } from '@/lib/events/schema';
import { applyFilter } from '@/lib/replay/roomView';
import { FIRST_STORY_END_MS, at, byDay, loadFirstStory, makeEvent, releasedAt, utc } from './chartFixtures';

/** The non-empty bins as "start: type=count ...", so a table row reads like the chart. */
function nonEmptyBins(series: EventsPerBinSeries): string[] {
  return series.rows
    .filter((row) => row.total > 0)
    .map((row) => {
      const counts = EVENT_TYPES.filter((type) => row[type] > 0)
        .map((type) => `${type}=${row[type]}`);
      return `${new Date(row.startMs).toISOString().slice(0, 10)}: ${counts.join(' ')}`;
    });
}

const handMade = [
  makeEvent('strike-a', at('2025-04-04'), { type: 'strike' }),
  makeEvent('statement-b', at('2025-04-04T22:30Z', 'exact')),
  makeEvent('claim-week', at('2025-03-31', 'week'), { type: 'claim' }),
  makeEvent('meeting-c', at('2025-04-06'), { type: 'meeting' }),
  makeEvent('undated-d', byDay('2025-04-07')),
];

describe('eventsPerBin on hand-made events', () => {
  it.each<[string, readonly ReturnType<typeof makeEvent>[], number, string | null, number, number, number, string[]]>([
    // name, events, playhead, unit, bins, placed, approximate, non-empty bins
    ['nothing released', [], utc('2025-04-07'), null, 0, 0, 0, []],
    ['only approximate dates', handMade.filter((e) => e.id.includes('week') || e.id.includes('undated')), utc('2025-04-07'), null, 0, 0, 2, []],
    [
      'day and exact dates are binned, the others counted apart',
      handMade,
      utc('2025-04-07T12:00Z'),
      'day',
      4,
      3,
      2,
      ['2025-04-04: strike=1 statement=1', '2025-04-06: meeting=1'],
    ],
    ['the bins reach the playhead', handMade.slice(0, 2), utc('2025-04-10'), 'day', 6, 2, 0, ['2025-04-04: strike=1 statement=1']],
    [
      'a span over 120 days goes per week',
      [makeEvent('jan', at('2025-01-01')), makeEvent('jun', at('2025-06-01'), { type: 'strike' })],
      utc('2025-06-01T12:00Z'),
      'week',
      22,
      2,
      0,
      ['2024-12-30: statement=1', '2025-05-26: strike=1'],
    ],
    [
      'a span over 150 weeks goes per month',
      [makeEvent('a', at('2020-01-15')), makeEvent('b', at('2020-01-20')), makeEvent('c', at('2023-03-03'))],
      utc('2023-03-04'),
      'month',
      39,
      3,
      0,
      ['2020-01-01: statement=2', '2023-03-01: statement=1'],
    ],
  ])('%s', (_name, events, playheadMs, unit, binCount, placed, approximate, bins) => {
    const series = eventsPerBin(events, playheadMs);
    expect(series.plan?.unit ?? null).toBe(unit);
    expect(series.rows).toHaveLength(binCount);
    expect(series.placedCount).toBe(placed);
    expect(series.approximateCount).toBe(approximate);
    expect(nonEmptyBins(series)).toEqual(bins);
    expect(series.rows.reduce((sum, row) => sum + row.total, 0)).toBe(placed);
  });
});

describe('eventsPerBin on the first story', async () => {
  const story = await loadFirstStory();
  it.each<[string, number, readonly EventType[], number | null, number, number, string[]]>([
    // name, playhead, types filter, bins, placed, approximate, non-empty bins
    ['before any event dated to a day', utc('2025-04-01'), [], null, 0, 5, []],
    ['on 21 April', utc('2025-04-21'), [], 18, 2, 10, ['2025-04-04: strike=1', '2025-04-21: statement=1']],
    [
      'at the end',
      FIRST_STORY_END_MS,
      [],
      22,
      5,
      27,
      ['2025-04-04: strike=1', '2025-04-21: statement=1', '2025-04-24: statement=2', '2025-04-25: meeting=1'],
    ],
    ['at the end, statements only', FIRST_STORY_END_MS, ['statement'], 5, 3, 11, ['2025-04-21: statement=1', '2025-04-24: statement=2']],
  ])('%s', (_name, playheadMs, types, binCount, placed, approximate, bins) => {
    const events = applyFilter(releasedAt(story, playheadMs), { types, actors: [] });
    const series = eventsPerBin(events, playheadMs);
    expect(series.plan === null ? null : series.rows.length).toBe(binCount);
    if (series.plan) expect(series.plan.unit).toBe('day');
    expect(series.placedCount).toBe(placed);
    expect(series.approximateCount).toBe(approximate);
    expect(nonEmptyBins(series)).toEqual(bins);
  });
});
