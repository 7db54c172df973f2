'use client';

import Link from 'next/link';
import { ChartsPanel } from '../roomScreen/charts/ChartsPanel';
import { refusalMessage } from '../roomScreen/refusalMessage';
import { useConnectionInfo, useScreen, type ScreenData } from '../roomScreen/useScreen';
import { EventDetailPanel } from '../roomScreen/detail/EventDetailPanel';
import { FilterBar } from '../roomScreen/FilterBar';
import { LinkNotice } from './LinkNotice';
import { LiveAnnouncer } from '../roomScreen/LiveAnnouncer';
import { PlaybackControls } from './PlaybackControls';
import { StatusBar } from '../roomScreen/StatusBar';
import { ThemeToggle } from '../roomScreen/ThemeToggle';
import { Timeline } from '../roomScreen/timeline/Timeline';

const layoutInputs = (data: ScreenData) => ({ ready: data.view.ready, title: data.story?.scenario.title, gap: data.replay?.gap ?? false });

export function DashboardLayout() {
  const { ready, title, gap } = useScreen(layoutInputs);
  const connection = useConnectionInfo();
  const state = connection?.status === 'refused' ? 'refused' : ready ? 'ready' : 'loading';
  return (
    <div className="dashboard" data-state={state}>
      <header className="dashboard-header">
        <div className="brand">
          <h1>Sitrep</h1>
          <p className="story-title">{title ?? 'Loading the story…'}</p>
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
          {refusalMessage(connection.refusal)}
        </p>
      )}
      {gap && (
        <p role="status" className="banner banner-warning" data-testid="resync-banner">
          This screen missed part of the room&rsquo;s stream (it was away longer than the room keeps its history, or
          the server restarted): it has caught up with the room, but the events released meanwhile were not announced
          one by one.
        </p>
      )}
      <LinkNotice />
      <PlaybackControls />
      <FilterBar />
      <div className="dashboard-body">
        <Timeline />
        <ChartsPanel />
        <EventDetailPanel />
      </div>
      <LiveAnnouncer />
    </div>
  );
}
