'use client';

import { formatDay } from '@/lib/events/formatStoryDate';
import { isFiltering } from '@/lib/replay/roomView';
import { ChartsPanel } from '../dashboard/charts/ChartsPanel';
import { useDashboard } from '../dashboard/DashboardContext';
import { eventTypeLabel } from '../dashboard/detail/eventTypeLabels';
import { LiveAnnouncer } from '../dashboard/LiveAnnouncer';
import { ThemeToggle } from '../dashboard/ThemeToggle';
import { Timeline } from '../dashboard/timeline/Timeline';
import { ChartPicker } from './ChartPicker';
import { FollowStatus } from './FollowStatus';
import { PresentedEvent } from './PresentedEvent';
import { useWatchAttributes } from './useWatchAttributes';

function StoryTime() {
  const { displayPositionMs, replay } = useDashboard();
  if (displayPositionMs === null || !replay) return <p className="watch-story-time muted">Waiting for the room…</p>;
  const atEnd = displayPositionMs >= replay.clock.endMs;
  return (
    <p className="watch-story-time" data-testid="story-time">
      <span className="muted">Story time </span>
      {atEnd ? `${formatDay(replay.clock.endMs - 1)} (end)` : formatDay(displayPositionMs)}
    </p>
  );
}

function FilterSummary() {
  const { filter, filteredEvents, visibleEvents } = useDashboard();
  if (!isFiltering(filter)) return null;
  const parts = [...filter.types.map(eventTypeLabel), ...filter.actors];
  return (
    <p className="watch-filter muted" data-testid="watch-filter">
      Showing {filteredEvents.length} of {visibleEvents.length} events: {parts.join(', ')}
    </p>
  );
}

/** The audience screen: the presented event and chart at the room's time, or a blank screen when asked. */
export function WatchLayout() {
  const { story, connection, blanked, chart } = useDashboard();
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
          <p className="watch-story-title">{story?.scenario.title ?? 'Loading the story…'}</p>
        </div>
        <StoryTime />
        <FollowStatus />
        <ThemeToggle />
      </header>
      {connection?.status === 'refused' && (
        <p role="alert" className="banner banner-error">
          {connection.refusal === 'not_found' ? 'This room does not exist (or has closed).' : `The server refused the connection (${connection.refusal}).`}
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
