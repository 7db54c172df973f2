import { EVENT_TYPES } from '../events/eventTypes';
import { formatStoryTime } from '../events/formatStoryDate';
import type { ActivityByActorSeries } from './activityByActor';
import { formatBin } from './binLabels';
import type { EventsPerBinSeries } from './eventsPerBin';
import type { ReportedDeathsSeries } from './reportedDeaths';
import type { StrikesVsDiplomacySeries } from './strikesVsDiplomacy';
import { capitalised } from './text';
import { binSizeLabel, type BinPlan } from './timeBins';
import { formatCumulativeDeaths, formatToll } from './tollLabels';
import { ACTIVITY_SERIES_LABELS, EVENT_TYPE_SERIES_LABELS } from './typeLabels';

/** A chart's numbers as a table: the first column heads the rows. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: { key: string; header: string; cells: (string | number)[] }[];
}

const periodColumn = (plan: BinPlan) => (plan.unitsPerBin === 1 ? capitalised(plan.unit) : 'Period');

export function eventsPerBinTable(series: EventsPerBinSeries): ChartTable {
  const plan = series.plan;
  return {
    caption: `Events per ${binSizeLabel(plan)}, by type (periods with no events left out)`,
    columns: [periodColumn(plan), ...EVENT_TYPES.map((type) => EVENT_TYPE_SERIES_LABELS[type]), 'Total'],
    rows: series.rows
      .filter((row) => row.total > 0)
      .map((row) => ({ key: String(row.startMs), header: formatBin(row, plan), cells: [...EVENT_TYPES.map((type) => row[type]), row.total] })),
  };
}

export function reportedDeathsTable(series: ReportedDeathsSeries): ChartTable {
  return {
    caption: 'Reported deaths, strike by strike',
    columns: ['Strike', 'When', 'Reported deaths', 'Reported so far'],
    rows: series.strikes.map((strike) => ({
      key: strike.event.id,
      header: strike.event.title,
      cells: [formatStoryTime(strike.event.time), formatToll(strike.toll), formatCumulativeDeaths(strike.cumulative)],
    })),
  };
}

export function strikesVsDiplomacyTable(series: StrikesVsDiplomacySeries): ChartTable {
  const plan = series.plan;
  return {
    caption: `Strikes against meetings and proposals, per ${binSizeLabel(plan)} (periods with neither left out)`,
    columns: [periodColumn(plan), ACTIVITY_SERIES_LABELS.kinetic, ACTIVITY_SERIES_LABELS.diplomatic],
    rows: series.rows
      .filter((row) => row.kinetic + row.diplomatic > 0)
      .map((row) => ({ key: String(row.startMs), header: formatBin(row, plan), cells: [row.kinetic, row.diplomatic] })),
  };
}

export function activityByActorTable(series: ActivityByActorSeries): ChartTable {
  return {
    caption: `Events per actor, top ${series.top.length}`,
    columns: ['Actor', 'Events'],
    rows: series.top.map((actor) => ({ key: actor.name, header: actor.name, cells: [actor.events] })),
  };
}
