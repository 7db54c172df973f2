'use client';

import Link from 'next/link';
import { ChartsPanel } from './charts/ChartsPanel';
import { useDashboard } from './DashboardContext';
import { EventDetailPanel } from './detail/EventDetailPanel';
import { FilterBar } from './FilterBar';
import { LinkNotice } from './LinkNotice';
import { LiveAnnouncer } from './LiveAnnouncer';
import { PlaybackControls } from './PlaybackControls';
import { StatusBar } from './StatusBar';
import { ThemeToggle } from './ThemeToggle';
import { Timeline } from './timeline/Timeline';

export function DashboardLayout() {
  const { story, replay, connection } = useDashboard();
  const state = connection?.status === 'refused' ? 'refused' : !replay || !story ? 'loading' : 'ready';
  return (
    <div className="dashboard" data-state={state}>
      <header className="dashboard-header">
        <div className="brand">
          <h1>Sitrep</h1>
          <p className="story-title">{story?.scenario.title ?? 'Loading the story…'}</p>
        </div>
        <StatusBar />
        <nav className="dashboard-nav" aria-label="Sitrep">
          <Link href="/stories">Stories</Link>
          <Link href="/briefings/new">New briefing</Link>
          <ThemeToggle />
        </nav>
      </header>
      {connection?.status === 'refused' && (
        <p role="alert" className="banner banner-error">
          {connection.refusal === 'not_found' ? 'This room does not exist (or has closed).' : `The server refused the connection (${connection.refusal}).`}
        </p>
      )}
      {replay?.gap && (
        <p role="status" className="banner banner-warning" data-testid="resync-banner">
          You were away longer than the room keeps its history: this screen has caught up with the room, but the
          events released meanwhile were not announced one by one.
        </p>
      )}
      <LinkNotice />
      <PlaybackControls />
      <FilterBar />
      <Timeline />
      <div className="dashboard-body">
        <ChartsPanel />
        <EventDetailPanel />
      </div>
      <LiveAnnouncer />
    </div>
  );
}
