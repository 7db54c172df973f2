import { describe, expect, it } from 'vitest';
import { activityByActor } from '@/lib/charts/activityByActor';
import { activityByActorTable, eventsPerBinTable, reportedDeathsTable, strikesVsDiplomacyTable, type ChartTable } from '@/lib/charts/dataTables';
import { eventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeaths } from '@/lib/charts/reportedDeaths';
import { strikesVsDiplomacy } from '@/lib/charts/strikesVsDiplomacy';
import { timeTicks } from '@/lib/charts/timeTicks';
import { formatBinTick } from '@/lib/charts/binLabels';
import { SMALL_STORY, SMALL_STORY_DOMAIN, SMALL_STORY_END_MS, at, domain, makeEvent, releasedAt, utc } from './chartFixtures';

/** A table as rows of text, the header row first: what a reader copies. */
const asText = (table: ChartTable) => [table.columns, ...table.rows.map((row) => [row.header, ...row.cells])];

describe('data tables of a small story at the end', () => {
  const events = releasedAt(SMALL_STORY, SMALL_STORY_END_MS);

  it('events per day', () => {
    const table = eventsPerBinTable(eventsPerBin(events, SMALL_STORY_DOMAIN));
    expect(table.caption).toBe('Events per month, by type (periods with no events left out)');
    expect(asText(table)).toEqual([
      ['Month', 'Strikes', 'Meetings', 'Statements', 'Proposals', 'Claims', 'Background', 'Total'],
      ['Apr 2025', 1, 1, 2, 0, 0, 0, 4],
    ]);
  });

  it('reported deaths', () => {
    const table = reportedDeathsTable(reportedDeaths(events, SMALL_STORY_DOMAIN));
    expect(asText(table)).toEqual([
      ['Strike', 'When', 'Reported deaths', 'Reported so far'],
      ['Event restaurant-strike', '4 Apr 2025', 'at least 9 (children; no total given)', 'at least 9'],
      ['Event city-strike', 'date not given (by 25 Apr 2025)', 'toll not reported', 'at least 9'],
      ['Event drone-strike', 'date not given (by 25 Apr 2025)', '3', 'at least 12'],
    ]);
  });

  it('strikes against diplomacy', () => {
    const table = strikesVsDiplomacyTable(strikesVsDiplomacy(events, SMALL_STORY_DOMAIN));
    expect(table.caption).toBe('Strikes against meetings and proposals, per month (periods with neither left out)');
    expect(asText(table)).toEqual([
      ['Month', 'Strikes', 'Meetings and proposals'],
      ['Apr 2025', 1, 1],
    ]);
  });

  it('activity by actor', () => {
    const table = activityByActorTable(activityByActor(events));
    // Five actors: all of them (the top ten when there are more, see activityByActor.test.ts).
    expect(table.caption).toBe('Events per actor, top 5');
    expect(asText(table)).toEqual([
      ['Actor', 'Events'],
      ['Putin', 3],
      ['Trump', 3],
      ['Witkoff', 2],
      ['Analyst', 1],
      ['Russian forces', 1],
    ]);
  });

  it('activity by actor lists the top ten of more', () => {
    const actors = Array.from({ length: 12 }, (_, i) => `Actor ${String(i + 1).padStart(2, '0')}`);
    const table = activityByActorTable(activityByActor([makeEvent('many', at('2025-04-04'), { actors })]));
    expect(table.caption).toBe('Events per actor, top 10');
    expect(table.rows.map((row) => row.header)).toEqual(actors.slice(0, 10));
  });

  it('tables of nothing have their headers and no rows', () => {
    const april = domain('2025-04-01', '2025-04-30');
    expect(eventsPerBinTable(eventsPerBin([], april)).rows).toEqual([]);
    expect(strikesVsDiplomacyTable(strikesVsDiplomacy([], april)).rows).toEqual([]);
    expect(reportedDeathsTable(reportedDeaths([], april)).rows).toEqual([]);
    expect(activityByActorTable(activityByActor([])).rows).toEqual([]);
  });
});

describe('timeTicks', () => {
  it.each<[string, string, string[]]>([
    ['2025-04-04', '2025-04-26', ['4 Apr', '7 Apr', '10 Apr', '13 Apr', '16 Apr', '19 Apr', '22 Apr', '25 Apr']],
    // 11 Mondays are too many, 2 month starts too few: every other Monday.
    ['2025-01-01T12:00Z', '2025-03-15', ['6 Jan', '20 Jan', '3 Feb', '17 Feb', '3 Mar']],
    // Seven years (the article's replay): one tick a year, not every eleventh month.
    ['2018-01-01', '2025-04-26', ['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']],
    ['2023-12-01', '2025-01-01', ['Dec 2023', 'Feb 2024', 'Apr 2024', 'Jun 2024', 'Aug 2024', 'Oct 2024', 'Dec 2024']],
    ['2025-04-04', '2025-04-05', ['4 Apr', '5 Apr']],
  ])('%s to %s', (from, to, labels) => {
    const { plan, ticksMs } = timeTicks(utc(from), utc(to));
    expect(ticksMs.map((ms) => formatBinTick(ms, plan))).toEqual(labels);
  });
});
