'use client';

import { formatDay, formatStoryTime, precisionLabel } from '@/lib/events/formatStoryDate';
import type { Scenario, StoryEvent } from '@/lib/events/schema';
import { HandoutChart } from './HandoutChart';
import type { HandoutPageContent } from './handoutPages';

function EventDate({ event }: { event: StoryEvent }) {
  const when = formatStoryTime(event.time);
  const precision = precisionLabel(event.time);
  return (
    <>
      {when}
      {!when.includes(precision) && <span className="muted"> ({precision})</span>}
    </>
  );
}

function EventQuote({ event, source }: { event: StoryEvent; source: Scenario['source'] }) {
  return (
    <figure className="handout-quote">
      <blockquote cite={source.url}>
        <p>{event.quote.text}</p>
      </blockquote>
      <figcaption>
        — {event.attribution}
        <span className="handout-citation">Source: {source.citation}</span>
      </figcaption>
    </figure>
  );
}

/** One printed page: the moment's title, date, quote, chart at that moment, note and link. */
export function HandoutMoment({ page, source, origin }: { page: HandoutPageContent; source: Scenario['source']; origin: string }) {
  const { moment, event } = page;
  const headingId = `handout-moment-${moment.id}`;
  const link = `${origin}${page.link}`;
  return (
    <section className="handout-page" aria-labelledby={headingId} data-moment-id={moment.id} data-page={page.pageNumber}>
      <p className="handout-page-number muted">
        Moment {page.pageNumber} · story time {formatDay(moment.storyMs)}
      </p>
      <h2 id={headingId} className="handout-title">
        {page.title}
      </h2>
      {event ? (
        <>
          <p className="handout-date">
            <EventDate event={event} />
            {event.location?.name && <span> · {event.location.name}</span>}
          </p>
          <EventQuote event={event} source={source} />
        </>
      ) : (
        <p className="handout-date muted">No event picked for this moment.</p>
      )}
      <HandoutChart chart={moment.chart} events={page.chartEvents} domain={page.chartDomain} atMs={moment.storyMs} isFiltered={page.isFiltered} />
      {moment.note.trim() && (
        <div className="handout-note">
          <h3>Note</h3>
          <p>{moment.note}</p>
        </div>
      )}
      <p className="handout-link">
        <span className="muted">Open this moment: </span>
        <a href={link}>{link}</a>
      </p>
    </section>
  );
}
