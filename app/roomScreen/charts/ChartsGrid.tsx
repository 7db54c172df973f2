'use client';

import { CHART_IDS, type ChartId } from '@/lib/charts/chartIds';
import { memo, useMemo, type ComponentType } from 'react';
import { activityByActorStory, revealActivityByActor } from '@/lib/charts/activityByActor';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import { chartStory, type ChartStory } from '@/lib/charts/chartStory';
import { chartTimeAxis, type ChartTimeAxis } from '@/lib/charts/chartTimeAxis';
import { eventsPerBinStory, revealEventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeathsStory, revealReportedDeaths } from '@/lib/charts/reportedDeaths';
import { revealStrikesVsDiplomacy, strikesVsDiplomacyStory } from '@/lib/charts/strikesVsDiplomacy';
import type { StoryEvent } from '@/lib/events/schema';
import { LINEAR_TIME_SCALE, type TimeScale, type TimeWindow } from '@/lib/timeline/compressedScale';
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
  /** The story's time scale and the timeline's window on it (axis time): the time charts show that window. */
  scale?: TimeScale;
  /** No window (no timeline on the page): the time charts show their whole domain. */
  axisWindow?: TimeWindow | null;
  /** Show only these charts (all four when absent), e.g. the one a presenter picked. */
  only?: readonly ChartId[];
}

interface PanelProps {
  story: ChartStory;
  /** What the time charts' x axis shows: fixed bins, drawn over the window. */
  axis: ChartTimeAxis;
  releasedCount: number;
  playheadMs: number;
  isFiltered: boolean;
}

/*
 * Each chart builds its series once per story, filter and domain (cached in lib/charts), and reveals the released
 * events with a few binary searches. A reveal that changes nothing a chart shows returns the same series object, so
 * a memoised chart whose series, playhead and filter state did not change is not rendered again.
 */
const EventsPerBinPanel = memo(function EventsPerBinPanel({ story, axis, releasedCount, playheadMs, isFiltered }: PanelProps) {
  const series = revealEventsPerBin(eventsPerBinStory(story), releasedCount);
  return <EventsPerBinChart series={series} axis={axis} revealed={releasedCount} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const ReportedDeathsPanel = memo(function ReportedDeathsPanel({ story, axis, releasedCount, playheadMs, isFiltered }: PanelProps) {
  const series = revealReportedDeaths(reportedDeathsStory(story), releasedCount);
  return <ReportedDeathsChart series={series} axis={axis} revealed={releasedCount} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

const StrikesVsDiplomacyPanel = memo(function StrikesVsDiplomacyPanel({ story, axis, releasedCount, playheadMs, isFiltered }: PanelProps) {
  const series = revealStrikesVsDiplomacy(strikesVsDiplomacyStory(story), releasedCount);
  return <StrikesVsDiplomacyChart series={series} axis={axis} revealed={releasedCount} playheadMs={playheadMs} isFiltered={isFiltered} />;
});

/** Not drawn against time: the playhead moving alone does not redraw it. */
const sameActivity = (before: PanelProps, after: PanelProps) =>
  before.story === after.story && before.releasedCount === after.releasedCount && before.isFiltered === after.isFiltered;

const ActivityByActorPanel = memo(function ActivityByActorPanel({ story, releasedCount, isFiltered }: PanelProps) {
  const series = revealActivityByActor(activityByActorStory(story), releasedCount);
  return <ActivityByActorChart series={series} revealed={releasedCount} isFiltered={isFiltered} />;
}, sameActivity);

/**
 * The chart registry: each chart id (lib/charts/chartIds, with its label) and the panel that draws it, its caption
 * and its data table. A new chart is an id there and a panel here; the type makes the two lists agree.
 */
const CHART_PANELS: Record<ChartId, ComponentType<PanelProps>> = {
  'events-per-day': EventsPerBinPanel,
  'reported-deaths': ReportedDeathsPanel,
  'strikes-vs-diplomacy': StrikesVsDiplomacyPanel,
  'activity-by-actor': ActivityByActorPanel,
};

/** The charts, in registry order; the only module that imports recharts (through the charts), so the panel loads it lazily. */
function ChartsGrid({ events, releasedCount, domain, playheadMs, isFiltered, scale = LINEAR_TIME_SCALE, axisWindow = null, only }: ChartsGridProps) {
  const story = chartStory(events, domain);
  const axis = useMemo(() => chartTimeAxis(scale, axisWindow, story.plan), [scale, axisWindow, story.plan]);
  const props = { story, axis, releasedCount, playheadMs, isFiltered };
  return (
    <div className={only?.length === 1 ? 'charts-grid charts-single' : 'charts-grid'}>
      {CHART_IDS.filter((id) => !only || only.includes(id)).map((id) => {
        const Panel = CHART_PANELS[id];
        return <Panel key={id} {...props} />;
      })}
    </div>
  );
}

export default memo(ChartsGrid);
