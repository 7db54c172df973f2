'use client';

import Link from 'next/link';
import { useScenariosQuery } from '@/lib/queries/scenarioQueries';

/** `/studio`: the stories the server serves, each open to edit, and a new one. */
export function StudioListPage() {
  const scenarios = useScenariosQuery();
  const state = scenarios.isPending ? 'loading' : scenarios.isError ? 'error' : 'ready';
  return (
    <main className="page studio" data-state={state}>
      <header className="page-header studio-header">
        <div>
          <h1>Story studio</h1>
          <p className="muted">Make a verified story from an article: every event quotes the sentence it comes from.</p>
        </div>
        <nav aria-label="Studio">
          <Link href="/stories">Stories</Link>
        </nav>
      </header>
      <p>
        <Link className="button button-primary" href="/studio/new">
          New story
        </Link>
      </p>
      <h2>Stories</h2>
      {scenarios.isPending && <p role="status">Loading stories…</p>}
      {scenarios.isError && <p role="alert">Could not load the stories: {scenarios.error.message}</p>}
      {scenarios.data?.scenarios.length === 0 && <p>No story yet.</p>}
      {scenarios.data && scenarios.data.scenarios.length > 0 && (
        <ul className="studio-story-list">
          {scenarios.data.scenarios.map((summary) => (
            <li key={summary.id} data-scenario-id={summary.id}>
              <Link href={`/studio/${encodeURIComponent(summary.id)}`}>{summary.title}</Link>{' '}
              <span className="muted">
                ({summary.eventCount} events, published {summary.published})
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
