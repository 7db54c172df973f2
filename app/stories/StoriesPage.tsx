'use client';

import { useScenariosQuery } from '@/lib/queries/scenarioQueries';
import { StorySection } from './StorySection';

export function StoriesPage() {
  const scenarios = useScenariosQuery();
  const state = scenarios.isPending ? 'loading' : scenarios.isError ? 'error' : 'ready';
  return (
    <main className="page" data-state={state}>
      <header className="page-header">
        <h1>Sitrep</h1>
        <p className="muted">News stories replayed as situation dashboards. Every fact comes with the sentence it is drawn from.</p>
      </header>
      {scenarios.isPending && <p role="status">Loading stories…</p>}
      {scenarios.isError && <p role="alert">Could not load the stories: {scenarios.error.message}</p>}
      {scenarios.data?.scenarios.length === 0 && <p>No stories are available yet.</p>}
      {scenarios.data?.scenarios.map((summary) => <StorySection key={summary.id} summary={summary} />)}
    </main>
  );
}
