import { describe, expect, it } from 'vitest';
import { activityByActor } from '@/lib/charts/activityByActor';
import { activityByActorTable, eventsPerBinTable, reportedDeathsTable, strikesVsDiplomacyTable, type ChartTable } from '@/lib/charts/dataTables';
import { eventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeaths } from '@/lib/charts/reportedDeaths';
import { strikesVsDiplomacy } from '@/lib/charts/strikesVsDiplomacy';
import { timeTicks } from '@/lib/charts/timeTicks';
import { formatBinTick } from '@/lib/charts/binLabels';
import { FIRST_STORY_DOMAIN, FIRST_STORY_END_MS, domain, loadFirstStory, releasedAt, utc } from './chartFixtures';

/** A table as rows of text, the header row first: what a reader copies. */
const asText = (table: ChartTable) => [table.columns, ...table.rows.map((row) => [row.header, ...row.cells])];

describe('data tables of the first story at the end', async () => {
  const events = releasedAt(await loadFirstStory(), FIRST_STORY_END_MS);

  it('events per day', () => {
    const table = eventsPerBinTable(eventsPerBin(events, FIRST_STORY_DOMAIN));
    expect(table.caption).toBe('Events per month, by type (periods with no events left out)');
    expect(asText(table)).toEqual([
      ['Month', 'Strikes', 'Meetings', 'Statements', 'Proposals', 'Claims', 'Background', 'Total'],
      ['Apr 2025', 1, 1, 3, 0, 0, 0, 5],
    ]);
  });

  it('reported deaths', () => {
    const table = reportedDeathsTable(reportedDeaths(events, FIRST_STORY_DOMAIN));
    expect(asText(table)).toEqual([
      ['Strike', 'When', 'Reported deaths', 'Reported so far'],
      ['Missile strike on a restaurant in central Ukraine kills nine children', '4 Apr 2025', 'at least 9 (children; no total given)', 'at least 9'],
      ['Russian assaults on Ukrainian cities intensify', 'date not given (by 25 Apr 2025)', 'toll not reported', 'at least 9'],
      ['Russia’s most severe missile strike on Kyiv in almost a year', 'date not given (by 25 Apr 2025)', 'toll not reported', 'at least 9'],
      ['Drone assault on Pavlohrad kills three, including a child', 'date not given (by 25 Apr 2025)', '3', 'at least 12'],
    ]);
  });

  it('strikes against diplomacy', () => {
    const table = strikesVsDiplomacyTable(strikesVsDiplomacy(events, FIRST_STORY_DOMAIN));
    expect(table.caption).toBe('Strikes against meetings and proposals, per month (periods with neither left out)');
    expect(asText(table)).toEqual([
      ['Month', 'Strikes', 'Meetings and proposals'],
      ['Apr 2025', 1, 1],
    ]);
  });

  it('activity by actor', () => {
    const table = activityByActorTable(activityByActor(events));
    expect(table.caption).toBe('Events per actor, top 10');
    expect(asText(table).slice(0, 4)).toEqual([
      ['Actor', 'Events'],
      ['Vladimir V. Putin', 11],
      ['Donald J. Trump', 6],
      ['Konstantin Remchukov', 5],
    ]);
    expect(table.rows).toHaveLength(10);
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
