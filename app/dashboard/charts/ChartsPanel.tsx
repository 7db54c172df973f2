'use client';

import dynamic from 'next/dynamic';
import type { ChartId } from '@/lib/decks/deckSchema';
import { isFiltering } from '@/lib/replay/roomView';
import { firstOf } from '@/lib/screen/screenView';
import { useMemo } from 'react';
import { useDisplayPositionMs, useScreen, type ScreenData } from '../../roomScreen/useScreen';
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
const chartsInputs = (data: ScreenData) => ({
  ready: data.view.ready,
  filter: data.view.shown.filter,
  filtered: data.view.filtered,
  filteredCount: data.view.filteredCount,
  chart: data.view.shown.chart,
  scrubbing: data.viewer.scrubbing,
  live: data.view.view.mode === 'live',
  playing: data.replay?.clock.status === 'playing',
});

export function ChartsPanel({ only }: { only?: readonly ChartId[] } = {}) {
  const { ready, filter, filtered, filteredCount, chart, scrubbing, live, playing } = useScreen(chartsInputs);
  const displayPositionMs = useDisplayPositionMs();
  const filteredEvents = useMemo(() => firstOf(filtered.events, filteredCount), [filtered, filteredCount]);
  const isLoading = !ready || displayPositionMs === null;
  const pace: ChartPace = scrubbing ? 'hold' : live && playing ? 'stream' : 'latest';
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
