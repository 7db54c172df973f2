'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { StoryProblem } from '@/lib/events/problems';
import { queryKeys } from '@/lib/queries/queryKeys';
import { saveStudioStory, type SaveOutcome } from '@/lib/queries/studioQueries';
import type { DraftFiles } from '@/lib/studio/draftFiles';
import { useCreateBriefing } from '../briefings/useCreateBriefing';
import { StoryDownloads } from './StoryDownloads';

interface SaveBarProps {
  storyId: string;
  /** The stored version the edits started from; null for a story not saved yet. */
  baseVersion: string | null;
  files: DraftFiles;
  /** The live check's problems (undefined while it loads): saving waits for a story that passes. */
  problems: readonly StoryProblem[] | undefined;
  editorKey: string;
  onSaved(version: string): void;
  onKeyRefused(): void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | SaveOutcome;

function outcomeMessage(outcome: SaveState, storyId: string, creating: boolean): string | null {
  switch (outcome.kind) {
    case 'idle':
    case 'saving':
    case 'saved':
      return null;
    case 'conflict':
      if (creating) return `Not saved: a story with the id "${storyId}" already exists. Choose another story id; your edits are kept.`;
      return `Not saved: someone saved this story since you opened it (${outcome.message}). Your edits are kept here: copy what you need, reload the story to see theirs, and apply your changes again.`;
    case 'invalid':
      return `Not saved: the server's check refused the story (${outcome.problems.length || 'some'} problem${outcome.problems.length === 1 ? '' : 's'}): ${outcome.problems.map((p) => p.reason).join('; ') || outcome.message}`;
    case 'unauthorized':
      return `Not saved: the editor key was refused (${outcome.message}). Sign in again with the right key; your edits are kept.`;
    case 'failed':
      return `Not saved: ${outcome.message}. Your edits are kept.`;
  }
}

/** Saves the story (`PUT /api/studio/stories/:id`), then links to it and replays it in a new room. */
export function SaveBar({ storyId, baseVersion, files, problems, editorKey, onSaved, onKeyRefused }: SaveBarProps) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const replay = useCreateBriefing();
  const canSave = problems !== undefined && problems.length === 0 && state.kind !== 'saving';
  const save = async () => {
    setState({ kind: 'saving' });
    const outcome = await saveStudioStory(storyId, { baseVersion, scenario: files.scenario, events: files.events, sourceText: files.sourceText }, editorKey);
    setState(outcome);
    if (outcome.kind === 'saved') {
      onSaved(outcome.version);
      replay.reset();
      await queryClient.invalidateQueries({ queryKey: queryKeys.scenarios() });
    }
    if (outcome.kind === 'unauthorized') onKeyRefused();
  };
  const message = outcomeMessage(state, storyId, baseVersion === null);
  return (
    <section className="studio-save" aria-labelledby="save-heading" data-state={state.kind}>
      <h2 id="save-heading">Save</h2>
      <button type="button" className="button button-primary" disabled={!canSave} onClick={() => void save()}>
        {state.kind === 'saving' ? 'Saving…' : baseVersion === null ? 'Save the new story' : 'Save changes'}
      </button>
      {!canSave && state.kind !== 'saving' && <p className="muted">Fix the problems listed under Check to save.</p>}
      {message && (
        <p role="alert" className="banner banner-error" data-testid="save-error">
          {message}
        </p>
      )}
      {state.kind === 'saved' && (
        <div role="status" data-testid="save-done">
          <p>
            Saved as version <code>{state.version}</code>.
          </p>
          <p className="studio-actions">
            <Link href="/stories">See it in the stories</Link>
            <button type="button" className="button" disabled={replay.isPending} onClick={() => replay.mutate(state.id)}>
              Replay in a new room
            </button>
          </p>
          <StoryDownloads storyId={state.id} />
        </div>
      )}
      {replay.isError && <p role="alert">Could not make a room: {replay.error.message}</p>}
      {replay.data && (
        <p role="status">
          <Link href={`/rooms/${encodeURIComponent(replay.data.roomId)}#key=${encodeURIComponent(replay.data.presenterKey)}`} data-testid="new-room-link">
            Open the new room
          </Link>{' '}
          (it starts paused at the story&rsquo;s first event; this link controls it).
        </p>
      )}
    </section>
  );
}
