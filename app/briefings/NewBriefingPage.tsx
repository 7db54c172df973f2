'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useScenariosQuery } from '@/lib/queries/scenarioQueries';
import { BriefingLinks } from './BriefingLinks';
import { StoryPicker } from './StoryPicker';
import { useCreateBriefing } from './useCreateBriefing';

/** /briefings/new: pick a story, create a room for it, get the presenter and audience links. */
export function NewBriefingPage() {
  const scenarios = useScenariosQuery();
  const create = useCreateBriefing();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const stories = scenarios.data?.scenarios ?? [];
  const selectedId = chosenId ?? stories[0]?.id ?? null;
  const state = scenarios.isPending ? 'loading' : scenarios.isError ? 'error' : create.isSuccess ? 'created' : 'ready';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (selectedId) create.mutate(selectedId);
  };

  return (
    <main className="page briefing" data-state={state}>
      <header className="page-header briefing-header">
        <h1>New briefing</h1>
        <p className="muted">
          A briefing replays a story in its own room: you present it, your audience follows on their screens.
        </p>
        <p>
          <Link href="/">← Back to the live dashboard</Link>
        </p>
      </header>
      {scenarios.isPending && <p role="status">Loading stories…</p>}
      {scenarios.isError && <p role="alert">Could not load the stories: {scenarios.error.message}</p>}
      {scenarios.isSuccess && stories.length === 0 && <p>No stories are available yet.</p>}
      {stories.length > 0 && (
        <form className="briefing-form" onSubmit={submit}>
          <StoryPicker stories={stories} selectedId={selectedId} onSelect={setChosenId} />
          <button type="submit" className="button button-primary" disabled={!selectedId || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create briefing'}
          </button>
          {create.isError && (
            <p role="alert" className="banner banner-error">
              The briefing could not be created: {create.error.message}
            </p>
          )}
        </form>
      )}
      {create.data && <BriefingLinks briefing={create.data} origin={window.location.origin} />}
    </main>
  );
}
