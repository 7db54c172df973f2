'use client';

import { memo, useMemo } from 'react';
import { activityByActor } from '@/lib/charts/activityByActor';
import { eventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeaths } from '@/lib/charts/reportedDeaths';
import { strikesVsDiplomacy } from '@/lib/charts/strikesVsDiplomacy';
import type { ChartId } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import { ActivityByActorChart } from './ActivityByActorChart';
import { EventsPerBinChart } from './EventsPerBinChart';
import { ReportedDeathsChart } from './ReportedDeathsChart';
import { StrikesVsDiplomacyChart } from './StrikesVsDiplomacyChart';

export interface ChartsGridProps {
  /** Released events that pass the filter, in release order. */
  events: readonly StoryEvent[];
  /** Where this screen stands in story time. */
  playheadMs: number;
  /** Whether a filter is on: an empty chart then says nothing matches rather than nothing is released. */
  isFiltered: boolean;
  /** Show only these charts (all four when absent), e.g. the one a presenter picked. */
  only?: readonly ChartId[];
}

type TimeChartProps = Omit<ChartsGridProps, 'only'>;

/*
 * Each chart computes its own series in its own component: the four are separate pieces of work that React can
 * spread over frames when the update is a transition, and the actor chart does not redraw when only time moves.
 */
const EventsPerBinPanel = memo(function EventsPerBinPanel({ events, playheadMs, isFiltered }: TimeChartProps) {
  const series = useMemo(() => eventsPerBin(events, playheadMs), [events, playheadMs]);
  return <EventsPerBinChart series={series} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const ReportedDeathsPanel = memo(function ReportedDeathsPanel({ events, playheadMs, isFiltered }: TimeChartProps) {
  const series = useMemo(() => reportedDeaths(events, playheadMs), [events, playheadMs]);
  return <ReportedDeathsChart series={series} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const StrikesVsDiplomacyPanel = memo(function StrikesVsDiplomacyPanel({ events, playheadMs, isFiltered }: TimeChartProps) {
  const series = useMemo(() => strikesVsDiplomacy(events, playheadMs), [events, playheadMs]);
  return <StrikesVsDiplomacyChart series={series} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const ActivityByActorPanel = memo(function ActivityByActorPanel({ events, isFiltered }: Omit<TimeChartProps, 'playheadMs'>) {
  const series = useMemo(() => activityByActor(events), [events]);
  return <ActivityByActorChart series={series} isFiltered={isFiltered} />;
});

/** The four charts; the only module that imports recharts (through the charts), so the panel loads it lazily. */
function ChartsGrid({ events, playheadMs, isFiltered, only }: ChartsGridProps) {
  const shows = (id: ChartId) => !only || only.includes(id);
  return (
    <div className={only?.length === 1 ? 'charts-grid charts-single' : 'charts-grid'}>
      {shows('events-per-day') && <EventsPerBinPanel events={events} playheadMs={playheadMs} isFiltered={isFiltered} />}
      {shows('reported-deaths') && <ReportedDeathsPanel events={events} playheadMs={playheadMs} isFiltered={isFiltered} />}
      {shows('strikes-vs-diplomacy') && <StrikesVsDiplomacyPanel events={events} playheadMs={playheadMs} isFiltered={isFiltered} />}
      {shows('activity-by-actor') && <ActivityByActorPanel events={events} isFiltered={isFiltered} />}
    </div>
  );
}

export default memo(ChartsGrid);
