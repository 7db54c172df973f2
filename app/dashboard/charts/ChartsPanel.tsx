'use client';

import dynamic from 'next/dynamic';
import type { ChartId } from '@/lib/decks/deckSchema';
import { isFiltering } from '@/lib/replay/roomView';
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

/**
 * The charts of the released, filtered events at this screen's playhead (all four, or the ones named). Among all
 * four, the screen's chosen chart (a link's `chart`) is highlighted.
 */
export function ChartsPanel({ only }: { only?: readonly ChartId[] } = {}) {
  const { story, replay, view, filter, filteredEvents, displayPositionMs, chart, scrubbing } = useDashboard();
  const isLoading = !story || !replay || displayPositionMs === null;
  const pace: ChartPace = scrubbing ? 'hold' : view.mode === 'live' && replay?.clock.status === 'playing' ? 'stream' : 'latest';
  const inputs = useChartInputs(filteredEvents, displayPositionMs ?? 0, isFiltering(filter), pace);
  return (
    <section className="charts" aria-label="Charts" data-state={isLoading ? 'loading' : 'ready'}>
      {isLoading ? (
        <p className="charts-status" role="status">
          Loading the story…
        </p>
      ) : (
        <HighlightedChartContext.Provider value={only ? null : chart}>
          <ChartsGrid events={inputs.events} playheadMs={inputs.playheadMs} isFiltered={inputs.isFiltered} only={only} />
        </HighlightedChartContext.Provider>
      )}
    </section>
  );
}
