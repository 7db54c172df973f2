'use client';

import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import { formatStoryTime, precisionLabel } from '@/lib/events/formatStoryDate';
import type { StoryEvent } from '@/lib/events/schema';
import { selectStory } from '../roomScreen/selectors';
import { useScreen } from '../roomScreen/useScreen';
import { usePresenter } from './PresenterContext';

function StageEvent({ event, citation }: { event: StoryEvent; citation: string | undefined }) {
  const when = formatStoryTime(event.time);
  const precision = precisionLabel(event.time);
  return (
    <article className="present-stage-event" data-event-id={event.id} data-event-type={event.type}>
      <p className="present-stage-meta">
        <span className={`type-badge type-${event.type}`}>{eventTypeLabel(event.type)}</span>
        <time className="present-stage-date" title={`As written: ${event.time.asWritten}`}>
          {when}
        </time>
        {!when.includes(precision) && <span className="present-stage-precision">({precision})</span>}
      </p>
      <p className="present-stage-place">{event.location?.name ?? 'Place not given'}</p>
      <h2 className="present-stage-title">{event.title}</h2>
      <figure className="present-stage-quote">
        <blockquote>
          <p>“{event.quote.text}”</p>
        </blockquote>
        <figcaption>
          — {event.attribution}
          {citation && <span className="present-stage-citation">{citation}</span>}
        </figcaption>
      </figure>
    </article>
  );
}

/** The current event as the room sees it, large enough to project; says so when the audience's screens are blank. */
export function PresenterStage() {
  const story = useScreen(selectStory);
  const { stageEvent, presentation } = usePresenter();
  return (
    <section className="present-stage" aria-label="Stage" data-blank={presentation.blank}>
      {presentation.blank && (
        <p className="present-blank-indicator" role="status" data-testid="blank-indicator">
          Blanked for the audience
        </p>
      )}
      {stageEvent ? (
        <StageEvent event={stageEvent} citation={story?.scenario.source.citation} />
      ) : (
        <p className="present-stage-empty muted">{story ? 'No event released yet: press → or Play.' : 'Loading the story…'}</p>
      )}
    </section>
  );
}
