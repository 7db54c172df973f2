'use client';

import { type ChartId } from '@/lib/charts/chartIds';
import { memo } from 'react';
import { activityByActorStory, revealActivityByActor } from '@/lib/charts/activityByActor';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import { chartStory, type ChartStory } from '@/lib/charts/chartStory';
import { eventsPerBinStory, revealEventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeathsStory, revealReportedDeaths } from '@/lib/charts/reportedDeaths';
import { revealStrikesVsDiplomacy, strikesVsDiplomacyStory } from '@/lib/charts/strikesVsDiplomacy';
import type { StoryEvent } from '@/lib/events/schema';
import { ActivityByActorChart } from './ActivityByActorChart';
import { EventsPerBinChart } from './EventsPerBinChart';
import { ReportedDeathsChart } from './ReportedDeathsChart';
import { StrikesVsDiplomacyChart } from './StrikesVsDiplomacyChart';

export interface ChartsGridProps {
  /** The story's events that pass the filter, in story order: the charts' series are built once over them. */
  events: readonly StoryEvent[];
  /** How many of `events` are released: the charts reveal that many. */
  releasedCount: number;
  /** The stretch of story time the time charts show (their bins and axes): fixed for a story. */
  domain: ChartDomain;
  /** Where this screen stands in story time. */
  playheadMs: number;
  /** Whether a filter is on: an empty chart then says nothing matches rather than nothing is released. */
  isFiltered: boolean;
  /** Show only these charts (all four when absent), e.g. the one a presenter picked. */
  only?: readonly ChartId[];
}

interface PanelProps {
  story: ChartStory;
  releasedCount: number;
  playheadMs: number;
  isFiltered: boolean;
}

/*
 * Each chart builds its series once per story, filter and domain (cached in lib/charts), and reveals the released
 * events with a few binary searches. A reveal that changes nothing a chart shows returns the same series object, so
 * a memoised chart whose series, playhead and filter state did not change is not rendered again.
 */
const EventsPerBinPanel = memo(function EventsPerBinPanel({ story, releasedCount, playheadMs, isFiltered }: PanelProps) {
  const series = revealEventsPerBin(eventsPerBinStory(story), releasedCount);
  return <EventsPerBinChart series={series} revealed={releasedCount} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const ReportedDeathsPanel = memo(function ReportedDeathsPanel({ story, releasedCount, playheadMs, isFiltered }: PanelProps) {
  const series = revealReportedDeaths(reportedDeathsStory(story), releasedCount);
  return <ReportedDeathsChart series={series} revealed={releasedCount} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const StrikesVsDiplomacyPanel = memo(function StrikesVsDiplomacyPanel({ story, releasedCount, playheadMs, isFiltered }: PanelProps) {
  const series = revealStrikesVsDiplomacy(strikesVsDiplomacyStory(story), releasedCount);
  return <StrikesVsDiplomacyChart series={series} revealed={releasedCount} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const ActivityByActorPanel = memo(function ActivityByActorPanel({ story, releasedCount, isFiltered }: Omit<PanelProps, 'playheadMs'>) {
  const series = revealActivityByActor(activityByActorStory(story), releasedCount);
  return <ActivityByActorChart series={series} revealed={releasedCount} isFiltered={isFiltered} />;
});

/** The four charts; the only module that imports recharts (through the charts), so the panel loads it lazily. */
function ChartsGrid({ events, releasedCount, domain, playheadMs, isFiltered, only }: ChartsGridProps) {
  const story = chartStory(events, domain);
  const shows = (id: ChartId) => !only || only.includes(id);
  const props = { story, releasedCount, playheadMs, isFiltered };
  return (
    <div className={only?.length === 1 ? 'charts-grid charts-single' : 'charts-grid'}>
      {shows('events-per-day') && <EventsPerBinPanel {...props} />}
      {shows('reported-deaths') && <ReportedDeathsPanel {...props} />}
      {shows('strikes-vs-diplomacy') && <StrikesVsDiplomacyPanel {...props} />}
      {shows('activity-by-actor') && <ActivityByActorPanel story={story} releasedCount={releasedCount} isFiltered={isFiltered} />}
    </div>
  );
}

export default memo(ChartsGrid);
