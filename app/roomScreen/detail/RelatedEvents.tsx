import { formatStoryTime } from '@/lib/events/formatStoryDate';
import type { StoryEvent } from '@/lib/events/schema';

/**
 * The event's related events that are already released, as buttons that select them. Related events still to
 * come are only counted, so the panel does not give the replay away.
 */
export function RelatedEvents({
  event,
  storyEvents,
  isReleased,
  onSelect,
}: {
  event: StoryEvent;
  storyEvents: readonly StoryEvent[];
  isReleased(id: string): boolean;
  onSelect(id: string): void;
}) {
  const related = (event.related ?? []).flatMap((id) => storyEvents.filter((candidate) => candidate.id === id));
  if (related.length === 0) return null;
  const released = related.filter((candidate) => isReleased(candidate.id));
  const toCome = related.length - released.length;
  return (
    <section className="detail-related" aria-labelledby="detail-related-heading">
      <h3 id="detail-related-heading">Related events</h3>
      {released.length > 0 && (
        <ul>
          {released.map((candidate) => (
            <li key={candidate.id}>
              <button type="button" className="button detail-related-button" data-related-id={candidate.id} onClick={() => onSelect(candidate.id)}>
                {candidate.title} <span className="muted">({formatStoryTime(candidate.time)})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {toCome > 0 && (
        <p className="muted">
          {toCome === 1 ? '1 related event is' : `${toCome} related events are`} not released yet.
        </p>
      )}
    </section>
  );
}
