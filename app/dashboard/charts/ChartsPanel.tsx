'use client';

import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { replayChartDomain, type ChartDomain } from '@/lib/charts/chartDomain';
import { releasedPrefixLength } from '@/lib/charts/chartStory';
import type { ChartId } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import { applyFilter, isFiltering } from '@/lib/replay/roomView';
import { useDashboard } from '../DashboardContext';
import { HighlightedChartContext } from './highlightedChart';
import { useChartInputs, type ChartPace } from './useChartInputs';

/** Recharts stays off the critical path: the charts load after the first paint, in the browser only. */
const ChartsGrid = dynamic(() => import('./ChartsGrid'), {
  ssr: false,
  loading: () => (
    <p className="charts-status" role="status">
      Loading charts…
    </p>
  ),
});

const NO_EVENTS: readonly StoryEvent[] = [];
const NO_DOMAIN: ChartDomain = { startMs: 0, endMs: 0 };

/**
 * The charts of the story's filtered events, revealed up to what this screen has released (all four, or the ones
 * named). Their series are built once per story and filter over every event, on the replay's span; a release or a
 * seek only reveals more or fewer of them. Among all four, the screen's chosen chart (a link's `chart`) is highlighted.
 */
export function ChartsPanel({ only }: { only?: readonly ChartId[] } = {}) {
  const { story, schedule, replay, view, filter, filteredEvents, displayPositionMs, chart, scrubbing } = useDashboard();
  const isLoading = !story || !schedule || !replay || displayPositionMs === null;
  const filteredStory = useMemo(() => (story ? applyFilter(story.events, filter) : NO_EVENTS), [story, filter]);
  const domain = useMemo(() => (schedule ? replayChartDomain(schedule) : NO_DOMAIN), [schedule]);
  // Released events are a prefix of the story; should a list ever not be one, the charts show exactly that list.
  const prefix = releasedPrefixLength(filteredStory, filteredEvents);
  const pace: ChartPace = scrubbing ? 'hold' : view.mode === 'live' && replay?.clock.status === 'playing' ? 'stream' : 'latest';
  const events = prefix === null ? filteredEvents : filteredStory;
  const releasedCount = prefix ?? filteredEvents.length;
  const playheadMs = displayPositionMs ?? 0;
  const isFiltered = isFiltering(filter);
  const latest = useMemo(() => ({ events, releasedCount, domain, playheadMs, isFiltered }), [events, releasedCount, domain, playheadMs, isFiltered]);
  const inputs = useChartInputs(latest, pace);
  return (
    <section className="charts" aria-label="Charts" data-state={isLoading ? 'loading' : 'ready'} data-charts={inputs === latest ? 'latest' : 'behind'}>
      {isLoading ? (
        <p className="charts-status" role="status">
          Loading the story…
        </p>
      ) : (
        <HighlightedChartContext.Provider value={only ? null : chart}>
          <ChartsGrid {...inputs} only={only} />
        </HighlightedChartContext.Provider>
      )}
    </section>
  );
}
