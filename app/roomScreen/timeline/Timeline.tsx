'use client';

import { useScreen, type ScreenData } from '../useScreen';
import { TimelineView } from './TimelineView';

const timelineInputs = (data: ScreenData) => ({ scenarioId: data.replay?.scenarioId, clock: data.replay?.clock, schedule: data.schedule, shownCount: data.view.filteredCount });

/**
 * The live timeline: one lane per kind of event on a UTC time axis, a playhead moving at the room's rate, zoom and
 * pan, and an overview of the whole story. Until the room's clock and the story are known it says so.
 */
export function Timeline() {
  const { scenarioId, clock, schedule, shownCount } = useScreen(timelineInputs);
  if (!clock || !schedule) {
    return (
      <section aria-label="Timeline" className="timeline" data-state="loading" data-event-count={shownCount}>
        <p className="muted">Waiting for the story…</p>
      </section>
    );
  }
  // A new story starts with its own default view.
  return <TimelineView key={scenarioId} schedule={schedule} />;
}
