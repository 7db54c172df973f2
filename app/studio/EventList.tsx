'use client';

import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import type { DraftEvent } from '@/lib/studio/draftStory';

interface EventListProps {
  events: readonly DraftEvent[];
  selectedIndex: number | null;
  onSelect(index: number): void;
}

/** The story's events, in the order they were made; each opens in the form. */
export function EventList({ events, selectedIndex, onSelect }: EventListProps) {
  return (
    <section className="studio-events" aria-labelledby="events-heading" data-count={events.length}>
      <h2 id="events-heading">Events ({events.length})</h2>
      {events.length === 0 ? (
        <p className="muted">No event yet: select a passage of the source and quote it.</p>
      ) : (
        <ol>
          {events.map((event, index) => (
            <li key={index}>
              <button type="button" className="studio-event-button" aria-current={index === selectedIndex ? 'true' : undefined} onClick={() => onSelect(index)} data-event-id={event.id}>
                {eventTypeLabel(event.type)}: {event.title || event.id}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
