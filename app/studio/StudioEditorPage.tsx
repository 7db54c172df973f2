'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useStudioStoryQuery } from '@/lib/queries/studioQueries';
import { draftFromFiles } from '@/lib/studio/draftFromFiles';
import type { DraftStory } from '@/lib/studio/draftStory';
import { EditorSignIn } from './EditorSignIn';
import { useEditorKey } from './editorKey';
import { StoryDownloads } from './StoryDownloads';
import { StudioEditor } from './StudioEditor';

const NEW_STORY: DraftStory = {
  scenario: { id: '', title: '', summary: '', published: '', publishedTime: '', sourceName: '', sourceUrl: '', sourceFile: '' },
  events: [],
  sourceText: '',
};

/** `/studio/new` (no `storyId`) or `/studio/<storyId>`: a story to make or to edit. */
export function StudioEditorPage({ storyId }: { storyId?: string }) {
  const editor = useEditorKey();
  const stored = useStudioStoryQuery(storyId);
  const initial = useMemo(() => (stored.data ? draftFromFiles(stored.data) : undefined), [stored.data]);
  const state = storyId === undefined ? 'ready' : stored.isPending ? 'loading' : stored.isError ? 'error' : 'ready';
  return (
    <main className="page studio" data-state={state}>
      <header className="page-header studio-header">
        <div>
          <h1>Story studio</h1>
          <p className="muted">{storyId === undefined ? 'A new story from an article.' : `Editing ${initial?.scenario.title ?? storyId}.`}</p>
        </div>
        <nav aria-label="Studio">
          <Link href="/studio">All stories in the studio</Link> · <Link href="/stories">Stories</Link>
        </nav>
      </header>
      {storyId !== undefined && stored.data && <StoryDownloads storyId={storyId} />}
      <EditorSignIn editor={editor} />
      {state === 'loading' && <p role="status">Loading the story…</p>}
      {stored.isError && <p role="alert">Could not load the story: {stored.error.message}</p>}
      {storyId === undefined && <StudioEditor initial={NEW_STORY} initialVersion={null} editor={editor} />}
      {initial && stored.data && <StudioEditor key={stored.data.version} initial={initial} initialVersion={stored.data.version} editor={editor} />}
    </main>
  );
}
