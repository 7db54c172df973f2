'use client';

import { useMemo } from 'react';
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

/** The four charts; the only module that imports recharts (through the charts), so the panel loads it lazily. */
export default function ChartsGrid({ events, playheadMs, isFiltered, only }: ChartsGridProps) {
  const shows = (id: ChartId) => !only || only.includes(id);
  const perBin = useMemo(() => eventsPerBin(events, playheadMs), [events, playheadMs]);
  const deaths = useMemo(() => reportedDeaths(events, playheadMs), [events, playheadMs]);
  const strikesAndTalks = useMemo(() => strikesVsDiplomacy(events, playheadMs), [events, playheadMs]);
  const byActor = useMemo(() => activityByActor(events), [events]);
  return (
    <div className={only?.length === 1 ? 'charts-grid charts-single' : 'charts-grid'}>
      {shows('events-per-day') && <EventsPerBinChart series={perBin} playheadMs={playheadMs} isFiltered={isFiltered} />}
      {shows('reported-deaths') && <ReportedDeathsChart series={deaths} playheadMs={playheadMs} isFiltered={isFiltered} />}
      {shows('strikes-vs-diplomacy') && <StrikesVsDiplomacyChart series={strikesAndTalks} playheadMs={playheadMs} isFiltered={isFiltered} />}
      {shows('activity-by-actor') && <ActivityByActorChart series={byActor} isFiltered={isFiltered} />}
    </div>
  );
}
