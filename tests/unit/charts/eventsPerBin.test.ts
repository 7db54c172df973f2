import { EVENT_TYPES, type EventType } from '@/lib/events/eventTypes';
import { describe, expect, it } from 'vitest';
import { chartStory, releasedCountAt } from '@/lib/charts/chartStory';
import { eventsPerBin, eventsPerBinStory, revealEventsPerBin, type EventsPerBinSeries } from '@/lib/charts/eventsPerBin';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import { type StoryEvent } from '@/lib/events/schema';
import { applyFilter } from '@/lib/replay/eventFilter';
import { SMALL_STORY, SMALL_STORY_DOMAIN, SMALL_STORY_END_MS, at, byDay, domain, inStoryOrder, makeEvent, utc } from './chartFixtures';

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

const handMade = inStoryOrder([
  makeEvent('strike-a', at('2025-04-04'), { type: 'strike' }),
  makeEvent('statement-b', at('2025-04-04T22:30Z', 'exact')),
  makeEvent('claim-week', at('2025-03-31', 'week'), { type: 'claim' }),
  makeEvent('meeting-c', at('2025-04-06'), { type: 'meeting' }),
  makeEvent('undated-d', byDay('2025-04-07')),
]);
const APRIL_WEEK = domain('2025-04-01', '2025-04-07');

describe('eventsPerBin on hand-made events', () => {
  it.each<[string, readonly StoryEvent[], ChartDomain, string, number, number, number, number, string[]]>([
    // name, events, domain, unit, bins, placed, approximate, outside, non-empty bins
    ['nothing released: the bins are there, empty', [], APRIL_WEEK, 'day', 7, 0, 0, 0, []],
    ['only approximate dates', handMade.filter((e) => e.id.includes('week') || e.id.includes('undated')), APRIL_WEEK, 'day', 7, 0, 2, 0, []],
    ['day and exact dates are binned, the others counted apart', handMade, APRIL_WEEK, 'day', 7, 3, 2, 0, ['2025-04-04: strike=1 statement=1', '2025-04-06: meeting=1']],
    ['the bins cover the domain, not the events', handMade.slice(1, 3), domain('2025-04-01', '2025-04-10'), 'day', 10, 2, 0, 0, ['2025-04-04: strike=1 statement=1']],
    ['events outside the domain are counted apart', handMade, domain('2025-04-05', '2025-04-07'), 'day', 3, 1, 2, 2, ['2025-04-06: meeting=1']],
    ['an event at the very end of the domain is in its last bin', [makeEvent('end', at('2025-04-07'))], APRIL_WEEK, 'day', 7, 1, 0, 0, ['2025-04-07: statement=1']],
    [
      'a span over 120 days goes per week',
      [makeEvent('jan', at('2025-01-01')), makeEvent('jun', at('2025-06-01'), { type: 'strike' })],
      domain('2025-01-01', '2025-06-01T12:00Z'),
      'week',
      22,
      2,
      0,
      0,
      ['2024-12-30: statement=1', '2025-05-26: strike=1'],
    ],
    [
      'a span over 150 weeks goes per month',
      [makeEvent('a', at('2020-01-15')), makeEvent('b', at('2020-01-20')), makeEvent('c', at('2023-03-03'))],
      domain('2020-01-15', '2023-03-04'),
      'month',
      39,
      3,
      0,
      0,
      ['2020-01-01: statement=2', '2023-03-01: statement=1'],
    ],
  ])('%s', (_name, events, chartDomain, unit, binCount, placed, approximate, outside, bins) => {
    const series = eventsPerBin(events, chartDomain);
    expect(series.plan.unit).toBe(unit);
    expect(series.rows).toHaveLength(binCount);
    expect(series.placedCount).toBe(placed);
    expect(series.approximateCount).toBe(approximate);
    expect(series.outsideCount).toBe(outside);
    expect(nonEmptyBins(series)).toEqual(bins);
    expect(series.rows.reduce((sum, row) => sum + row.total, 0)).toBe(placed);
  });

  it('refuses events that are not in story order', () => {
    expect(() => eventsPerBin([makeEvent('late', at('2025-04-05')), makeEvent('early', at('2025-04-04'))], APRIL_WEEK)).toThrow(/story order/);
  });
});

describe('eventsPerBin on a small story, revealed at the playhead', () => {
  it.each<[string, number, readonly EventType[], number, number, string[]]>([
    // name, playhead, types filter, placed, approximate, non-empty bins (per month: the replay spans 2018 to 2025)
    ['before any event dated to a day', utc('2025-03-31'), [], 0, 2, []],
    ['on 12 April', utc('2025-04-12'), [], 3, 3, ['2025-04-01: strike=1 meeting=1 statement=1']],
    ['at the end', SMALL_STORY_END_MS, [], 4, 6, ['2025-04-01: strike=1 meeting=1 statement=2']],
    ['at the end, statements only', SMALL_STORY_END_MS, ['statement'], 2, 1, ['2025-04-01: statement=2']],
  ])('%s', (_name, playheadMs, types, placed, approximate, bins) => {
    const events = chartStory(applyFilter(SMALL_STORY, { types, actors: [] }), SMALL_STORY_DOMAIN);
    const series = revealEventsPerBin(eventsPerBinStory(events), releasedCountAt(events, playheadMs));
    expect(series.plan.unit).toBe('month');
    expect(series.rows).toHaveLength(88);
    expect(series.placedCount).toBe(placed);
    expect(series.approximateCount).toBe(approximate);
    expect(nonEmptyBins(series)).toEqual(bins);
  });
});
