import { formatStoryTime, precisionLabel } from '@/lib/events/formatStoryDate';
import type { StoryEvent } from '@/lib/events/schema';

export function StoryEventItem({ event }: { event: StoryEvent }) {
  return (
    <li className="event-item" data-event-id={event.id} data-event-type={event.type}>
      <div className="event-meta">
        <span className={`type-badge type-${event.type}`}>{event.type}</span>
        <time className="event-date" title={`As written: ${event.time.asWritten}`}>
          {formatStoryTime(event.time)}
        </time>
        <span className="muted precision">{precisionLabel(event.time)}</span>
      </div>
      <h3 className="event-title">{event.title}</h3>
      <blockquote className="event-quote">
        <p>{event.quote.text}</p>
        <footer className="muted">— {event.attribution}</footer>
      </blockquote>
    </li>
  );
}
