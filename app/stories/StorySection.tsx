'use client';

import type { ScenarioSummary } from '@/lib/events/catalog';
import { formatDay } from '@/lib/events/formatStoryDate';
import { useScenarioQuery } from '@/lib/queries/scenarioQueries';
import { StoryEventItem } from './StoryEventItem';

export function StorySection({ summary }: { summary: ScenarioSummary }) {
  const detail = useScenarioQuery(summary.id);
  const headingId = `story-${summary.id}`;
  const state = detail.isPending ? 'loading' : detail.isError ? 'error' : 'ready';
  return (
    <section className="story" aria-labelledby={headingId} data-state={state} data-scenario-id={summary.id}>
      <h2 id={headingId}>{summary.title}</h2>
      <p>{summary.summary}</p>
      <p className="muted">
        Published {formatDay(Date.parse(summary.published))} · {summary.eventCount} events
        {detail.data && <> · source: {detail.data.scenario.source.citation}</>}
      </p>
      {detail.isPending && <p role="status">Loading events…</p>}
      {detail.isError && <p role="alert">Could not load the events: {detail.error.message}</p>}
      {detail.data && (
        <ol className="event-list" aria-label={`Events of ${summary.title}, in time order`}>
          {detail.data.events.map((event) => (
            <StoryEventItem key={event.id} event={event} />
          ))}
        </ol>
      )}
    </section>
  );
}
