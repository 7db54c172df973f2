'use client';

import dynamic from 'next/dynamic';
import { type ChartId } from '@/lib/charts/chartIds';
import { useMemo } from 'react';
import { storyChartDomain, type ChartDomain } from '@/lib/charts/chartDomain';
import { isFiltering } from '@/lib/replay/eventFilter';
import { LINEAR_TIME_SCALE, toStoryWindow } from '@/lib/timeline/compressedScale';
import { storyTimeScale } from '@/lib/timeline/storyScale';
import { selectWindow } from '../selectors';
import { useDisplayPositionMs, useScreen, type ScreenData } from '../useScreen';
import { HighlightedChartContext } from './highlightedChart';
import { useChartInputs, type ChartPace } from './useChartInputs';
import { useSettled, WINDOW_REST_MS } from './useSettled';

/** Recharts stays off the critical path: the charts load after the first paint, in the browser only. */
const ChartsGrid = dynamic(() => import('./ChartsGrid'), {
  ssr: false,
  loading: () => (
    <p className="charts-status" role="status">
      Loading charts…
    </p>
  ),
});

const NO_DOMAIN: ChartDomain = { startMs: 0, endMs: 0 };

const chartsInputs = (data: ScreenData) => ({
  ready: data.view.ready,
  schedule: data.schedule,
  filter: data.view.shown.filter,
  filtered: data.view.filtered,
  filteredCount: data.view.filteredCount,
  chart: data.view.shown.chart,
  scrubbing: data.viewer.scrubbing,
  live: data.view.view.mode === 'live',
  playing: data.replay?.clock.status === 'playing',
  change: data.view.change,
  window: selectWindow(data),
});

/**
 * The charts of the story's filtered events, revealed up to what this screen has released (all four, or the ones
 * named). Their series are built once per story and filter over every event, on the story's chart domain (fixed
 * bins); a release or a seek only reveals more or fewer of them. The time charts draw them over the timeline's window
 * (the viewer's `window`, on the story's time scale with its breaks): a pan or a zoom moves the drawn x axis only,
 * once the window rests (WINDOW_REST_MS), and never rebuilds a series. Captions and data tables describe what is
 * released of the whole story, as the bins do; bars outside the window are drawn, clipped out of the plot. Among all
 * four, the screen's chosen chart (a link's `chart`) is highlighted.
 */
export function ChartsPanel({ only }: { only?: readonly ChartId[] } = {}) {
  const { ready, schedule, filter, filtered, filteredCount, chart, scrubbing, live, playing, change, window } = useScreen(chartsInputs);
  const displayPositionMs = useDisplayPositionMs();
  const isLoading = !ready || !schedule || displayPositionMs === null;
  const domain = useMemo(() => (schedule ? storyChartDomain(schedule) : NO_DOMAIN), [schedule]);
  const pace: ChartPace = scrubbing ? 'hold' : live && playing ? 'stream' : 'latest';
  // The story's filtered events, of which the screen shows the first `filteredCount`: released events are a prefix.
  const events = filtered.events;
  const releasedCount = filteredCount;
  const playheadMs = displayPositionMs ?? 0;
  const isFiltered = isFiltering(filter);
  const latest = useMemo(
    () => ({ events, releasedCount, domain, playheadMs, isFiltered, jumped: change === 'jump' || change === 'snapshot' }),
    [events, releasedCount, domain, playheadMs, isFiltered, change],
  );
  const inputs = useChartInputs(latest, pace);
  // The timeline's window, once it has rested: a pan or a zoom redraws the time charts once, not at every frame.
  const shownWindow = useSettled(window, WINDOW_REST_MS);
  const scale = useMemo(() => (schedule ? storyTimeScale(schedule.events) : LINEAR_TIME_SCALE), [schedule]);
  const axisWindow = useMemo(() => (shownWindow ? { startMs: shownWindow.startMs, endMs: shownWindow.endMs } : null), [shownWindow]);
  const isLatest = inputs === latest && shownWindow === window;
  const storyWindow = shownWindow && toStoryWindow(scale, shownWindow);
  return (
    <section
      className="charts"
      aria-label="Charts"
      data-state={isLoading ? 'loading' : 'ready'}
      data-charts={isLatest ? 'latest' : 'behind'}
      data-window-start-ms={storyWindow ? Math.round(storyWindow.startMs) : undefined}
      data-window-end-ms={storyWindow ? Math.round(storyWindow.endMs) : undefined}
    >
      {isLoading ? (
        <p className="charts-status" role="status">
          Loading the story…
        </p>
      ) : (
        <HighlightedChartContext.Provider value={only ? null : chart}>
          <ChartsGrid {...inputs} scale={scale} axisWindow={axisWindow} only={only} />
        </HighlightedChartContext.Provider>
      )}
    </section>
  );
}
