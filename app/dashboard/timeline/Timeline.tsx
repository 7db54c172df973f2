'use client';

import { formatStoryTime } from '@/lib/events/formatStoryDate';
import { useDashboard } from '../DashboardContext';

/** Placeholder timeline: the released events as a list. */
export function Timeline() {
  const { filteredEvents, selectEvent } = useDashboard();
  return (
    <section aria-label="Timeline" className="timeline" data-event-count={filteredEvents.length}>
      <ol>
        {filteredEvents.map((event) => (
          <li key={event.id} data-event-id={event.id}>
            <button type="button" onClick={() => selectEvent(event.id)}>
              {formatStoryTime(event.time)} — {event.title}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
