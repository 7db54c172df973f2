'use client';

import { useDashboard } from '../DashboardContext';
import { TimelineView } from './TimelineView';

/**
 * The live timeline: one lane per kind of event on a UTC time axis, a playhead moving at the room's rate, zoom and
 * pan, and an overview of the whole story. Until the room's clock and the story are known it says so.
 */
export function Timeline() {
  const { replay, schedule, filteredEvents } = useDashboard();
  if (!replay || !schedule) {
    return (
      <section aria-label="Timeline" className="timeline" data-state="loading" data-event-count={filteredEvents.length}>
        <p className="muted">Waiting for the story…</p>
      </section>
    );
  }
  // A new story starts with its own default view.
  return <TimelineView key={replay.scenarioId} replay={replay} schedule={schedule} />;
}
