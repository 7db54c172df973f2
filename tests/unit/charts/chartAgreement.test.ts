/**
 * The browser test's agreement checks (tests/e2e/support) notice a caption, a table or a drawing that says
 * something else: a reading made from a chart's own series agrees with itself, and each tampered part is caught.
 */
import { describe, expect, it } from 'vitest';
import { activityByActor } from '@/lib/charts/activityByActor';
import { activityByActorCaption, eventsPerBinCaption, reportedDeathsCaption } from '@/lib/charts/captions';
import { activityByActorTable, eventsPerBinTable, reportedDeathsTable, type ChartTable } from '@/lib/charts/dataTables';
import { eventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeaths } from '@/lib/charts/reportedDeaths';
import type { ChartCaption } from '@/lib/charts/captions';
import { binSizeLabel } from '@/lib/charts/timeBins';
import { EVENT_TYPES } from '@/lib/events/eventTypes';
import type { StoryEvent } from '@/lib/events/schema';
import { eventsPerBinProblems } from '../../e2e/support/binnedAgreement';
import type { ChartReading, DrawnShape } from '../../e2e/support/chartReading';
import { activityByActorProblems, reportedDeathsProblems } from '../../e2e/support/tallyAgreement';
import { at, byDay, domain, inStoryOrder, makeEvent, reported } from './chartFixtures';

const PX_PER_COUNT = 12;
const shape = (data: Record<string, string | number | boolean>, size = 0, x = 0): DrawnShape => ({
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)])),
  x,
  y: 0,
  width: size,
  height: size,
});
const asText = (table: ChartTable) => ({ ...table, rows: table.rows.map((row) => ({ ...row, cells: row.cells.map(String) })) });

function reading(chart: string, caption: ChartCaption, table: ChartTable, data: Record<string, string | number | boolean>, drawn: Partial<ChartReading>): ChartReading {
  return {
    chart,
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)])),
    title: caption.title,
    notes: caption.notes,
    emptyMessage: caption.emptyMessage,
    table: asText(table),
    drawn: 'latest',
    bars: [],
    points: [],
    markers: [],
    ...drawn,
  };
}

const events = inStoryOrder([
  makeEvent('s1', at('2025-04-02'), { type: 'strike', actors: ['Ana'], casualties: { killed: reported(3) } }),
  makeEvent('m1', at('2025-04-02'), { type: 'meeting', actors: ['Ana', 'Ben'] }),
  makeEvent('s2', byDay('2025-04-04'), { type: 'strike', actors: ['Ben'] }),
  makeEvent('t1', at('2025-04-05'), { actors: ['Ana'] }),
]);
const APRIL = domain('2025-04-01', '2025-04-07');

function perBinReading(): ChartReading {
  const series = eventsPerBin(events, APRIL);
  const bars = series.rows.flatMap((row) =>
    EVENT_TYPES.filter((type) => row[type] > 0).map((type) => shape({ series: type, at: row.startMs, count: row[type] }, row[type] * PX_PER_COUNT)),
  );
  const data = { revealed: events.length, total: series.placedCount, binSize: binSizeLabel(series.plan), approximate: series.approximateCount, outside: series.outsideCount };
  return reading('events-per-day', eventsPerBinCaption(series), eventsPerBinTable(series), data, { bars });
}

/** Strikes whose tolls carry qualifiers: "more than", "about", and children only. */
const qualifiedEvents = inStoryOrder([
  makeEvent('q1', at('2025-04-02'), { type: 'strike', casualties: { killed: reported(1400, 'more-than') } }),
  makeEvent('q2', at('2025-04-03'), { type: 'strike', casualties: { killed: { children: reported(9) } } }),
  makeEvent('q3', at('2025-04-04'), { type: 'strike', casualties: { killed: reported(30, 'about') } }),
]);

function deathsReading(story: readonly StoryEvent[] = events): ChartReading {
  const series = reportedDeaths(story, APRIL);
  const points = series.points.map((p, i) =>
    shape(
      { at: p.atMs, strikes: p.strikes.length, deaths: p.cumulativeDeaths ?? 'none', lowerBound: p.isLowerBound, bound: p.cumulative?.bound ?? 'none', approximate: p.cumulative?.isApproximate ?? false },
      0,
      i * 10,
    ),
  );
  const markers = series.points.filter((p) => p.tollNotReportedCount > 0).map((p) => shape({ at: p.atMs, tollNotReported: p.tollNotReportedCount }));
  const data = {
    total: series.total?.count ?? 0,
    strikes: series.strikes.length,
    tollNotReported: series.tollNotReportedCount,
    lowerBound: series.total !== null && series.total.bound !== 'exact',
  };
  return reading('reported-deaths', reportedDeathsCaption(series), reportedDeathsTable(series), data, { points, markers });
}

function actorsReading(): ChartReading {
  const series = activityByActor(events);
  const bars = series.top.map((a, i) => ({ ...shape({ series: 'events', at: a.name, count: a.events }, a.events * PX_PER_COUNT), y: i * 30 }));
  const data = { total: series.eventsWithActors, actors: series.actorCount, shown: series.top.length };
  return reading('activity-by-actor', activityByActorCaption(series), activityByActorTable(series), data, { bars });
}

describe('the agreement checks of the browser test', () => {
  it.each<[string, () => ChartReading, (r: ChartReading) => string[], (r: ChartReading) => void]>([
    ['a table cell', perBinReading, eventsPerBinProblems, (r) => void ((r.table?.rows[0] as { cells: string[] }).cells[0] = '7')],
    ['a drawn bar', perBinReading, eventsPerBinProblems, (r) => void r.bars.pop()],
    ['a bar drawn too tall', perBinReading, eventsPerBinProblems, (r) => void ((r.bars[0] as DrawnShape).height += 2 * PX_PER_COUNT)],
    ['the caption’s approximate count', perBinReading, eventsPerBinProblems, (r) => void (r.notes[0] = '2 events with approximate dates are not shown by day')],
    ['the caption’s bin size', perBinReading, eventsPerBinProblems, (r) => void (r.title = 'Events per week, by type')],
    ['the caption’s total', deathsReading, reportedDeathsProblems, (r) => void (r.notes[0] = '4 deaths reported in 2 strikes')],
    ['a drawn running sum', deathsReading, reportedDeathsProblems, (r) => void ((r.points[0] as DrawnShape).data.deaths = '2')],
    ['a drawn bound', () => deathsReading(qualifiedEvents), reportedDeathsProblems, (r) => void ((r.points[1] as DrawnShape).data.bound = 'at-least')],
    ['a drawn approximation', () => deathsReading(qualifiedEvents), reportedDeathsProblems, (r) => void ((r.points[2] as DrawnShape).data.approximate = 'false')],
    ['the approximate note', () => deathsReading(qualifiedEvents), reportedDeathsProblems, (r) => void r.notes.pop()],
    ['the lower-bound note', () => deathsReading(qualifiedEvents), reportedDeathsProblems, (r) => void (r.notes = r.notes.filter((note) => !note.startsWith('A lower bound')))],
    ['a qualified total in the caption', () => deathsReading(qualifiedEvents), reportedDeathsProblems, (r) => void (r.notes[0] = 'At least 1,439 deaths reported in 3 strikes')],
    ['a drawn marker', deathsReading, reportedDeathsProblems, (r) => void (r.markers = [])],
    ['a table toll', deathsReading, reportedDeathsProblems, (r) => void ((r.table?.rows[1] as { cells: string[] }).cells[1] = '0')],
    ['an actor’s bar', actorsReading, activityByActorProblems, (r) => void ((r.bars[1] as DrawnShape).data.count = '1')],
    ['the caption’s actor count', actorsReading, activityByActorProblems, (r) => void (r.notes[0] = 'All 3 actors, in 4 events')],
  ])('notice %s that says something else', (_name, make, problems, tamper) => {
    const faithful = make();
    expect(problems(faithful)).toEqual([]);
    const tampered = make();
    tamper(tampered);
    expect(problems(tampered)).not.toEqual([]);
  });
});
