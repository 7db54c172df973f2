'use client';

import { eventTypeLabel } from '@/lib/events/eventTypeLabels';
import { useId } from 'react';
import { formatStoryTime, precisionLabel } from '@/lib/events/formatStoryDate';
import type { StoryEvent } from '@/lib/events/schema';
import { useScenarioSourceQuery } from '@/lib/queries/scenarioSourceQueries';
import { positionOf } from '@/lib/screen/screenView';
import { useScreen, type ScreenData } from '../roomScreen/useScreen';
import { SourceQuote, type SourceTextStatus } from '../roomScreen/detail/SourceQuote';

function EventWhenAndWhere({ event }: { event: StoryEvent }) {
  const when = formatStoryTime(event.time);
  const precision = precisionLabel(event.time);
  return (
    <p className="watch-event-when">
      <span className="watch-event-date">{when}</span>
      {!when.includes(precision) && <span className="watch-event-precision"> ({precision})</span>}
      <span className="watch-event-place">{event.location?.name ?? 'Place not given'}</span>
    </p>
  );
}

/** The selected event, large: what, when (as precisely as known), where, and the quote in its paragraph. */
const presentedInputs = (data: ScreenData) => ({ selectedEventId: data.view.shown.selectedEventId, story: data.story, following: data.view.following });

export function PresentedEvent() {
  const { selectedEventId, story, following } = useScreen(presentedInputs);
  const headingId = useId();
  const position = selectedEventId === null || !story ? undefined : positionOf(story.events, selectedEventId);
  const event = position === undefined ? undefined : story?.events[position];
  const sourceQuery = useScenarioSourceQuery(story?.scenario.id ?? '', story?.storyVersion ?? '', { enabled: event !== undefined });
  if (!event || !story) {
    return (
      <section className="watch-event watch-event-none" aria-label="Event" data-state={selectedEventId === null ? 'empty' : 'loading'}>
        <p className="muted">{following ? 'The presenter has not picked an event.' : 'Pick an event on the timeline.'}</p>
      </section>
    );
  }
  const sourceText: SourceTextStatus = sourceQuery.data
    ? { status: 'ready', source: sourceQuery.data }
    : sourceQuery.isError
      ? { status: 'error' }
      : { status: 'loading' };
  return (
    <article className="watch-event" aria-labelledby={headingId} data-event-id={event.id} data-state={sourceText.status === 'loading' ? 'loading' : 'ready'}>
      <p className="watch-event-type">
        <span className={`detail-swatch type-${event.type}`} aria-hidden="true" />
        {eventTypeLabel(event.type)}
      </p>
      <h2 id={headingId} className="watch-event-title">
        {event.title}
      </h2>
      <EventWhenAndWhere event={event} />
      <SourceQuote quote={event.quote} sourceText={sourceText} scenarioSource={story.scenario.source} />
      <p className="watch-event-attribution">
        <span className="muted">Attribution:</span> {event.attribution}
      </p>
    </article>
  );
}
