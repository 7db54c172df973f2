'use client';

import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import { formatDay } from '@/lib/events/formatStoryDate';
import { isFiltering } from '@/lib/replay/eventFilter';
import { ChartsPanel } from '../roomScreen/charts/ChartsPanel';
import { refusalMessage } from '../roomScreen/refusalMessage';
import { LiveAnnouncer } from '../roomScreen/LiveAnnouncer';
import { ThemeToggle } from '../roomScreen/ThemeToggle';
import { Timeline } from '../roomScreen/timeline/Timeline';
import { ChartPicker } from './ChartPicker';
import { FollowStatus } from './FollowStatus';
import { PresentedEvent } from './PresentedEvent';
import { useWatchAttributes } from './useWatchAttributes';
import { useConnectionInfo, useDisplayPositionMs, useScreen, type ScreenData } from '../roomScreen/useScreen';

const endOf = (data: ScreenData) => data.replay?.clock.endMs;

function StoryTime() {
  const displayPositionMs = useDisplayPositionMs();
  const endMs = useScreen(endOf);
  if (displayPositionMs === null || endMs === undefined) return <p className="watch-story-time muted">Waiting for the room…</p>;
  const atEnd = displayPositionMs >= endMs;
  return (
    <p className="watch-story-time" data-testid="story-time">
      <span className="muted">Story time </span>
      {atEnd ? `${formatDay(endMs - 1)} (end)` : formatDay(displayPositionMs)}
    </p>
  );
}

const filterSummaryInputs = (data: ScreenData) => ({ filter: data.view.shown.filter, shown: data.view.filteredCount, visible: data.view.visibleCount });

function FilterSummary() {
  const { filter, shown, visible } = useScreen(filterSummaryInputs);
  if (!isFiltering(filter)) return null;
  const parts = [...filter.types.map(eventTypeLabel), ...filter.actors];
  return (
    <p className="watch-filter muted" data-testid="watch-filter">
      Showing {shown} of {visible} events: {parts.join(', ')}
    </p>
  );
}

/** The audience screen: the presented event and chart at the room's time, or a blank screen when asked. */
const watchInputs = (data: ScreenData) => ({ title: data.story?.scenario.title, blanked: data.view.blanked, chart: data.view.shown.chart });

export function WatchLayout() {
  const { title, blanked, chart } = useScreen(watchInputs);
  const connection = useConnectionInfo();
  const attributes = useWatchAttributes();
  if (blanked) {
    return (
      <div className="watch watch-blank" {...attributes}>
        <p className="visually-hidden" role="status">
          The presenter has blanked the screen.
        </p>
      </div>
    );
  }
  return (
    <div className="watch" {...attributes}>
      <header className="watch-header">
        <div className="watch-brand">
          <h1>Sitrep</h1>
          <p className="watch-story-title">{title ?? 'Loading the story…'}</p>
        </div>
        <StoryTime />
        <FollowStatus />
        <ThemeToggle />
      </header>
      {connection?.status === 'refused' && (
        <p role="alert" className="banner banner-error">
          {refusalMessage(connection.refusal)}
        </p>
      )}
      <main className="watch-main">
        <PresentedEvent />
        <section className="watch-chart" aria-label="Presented chart">
          <ChartPicker />
          <FilterSummary />
          {chart && <ChartsPanel only={[chart]} />}
        </section>
      </main>
      <Timeline />
      <LiveAnnouncer />
    </div>
  );
}
