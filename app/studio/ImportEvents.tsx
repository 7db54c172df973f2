'use client';

import { useState } from 'react';
import type { ImportProblem } from '@/lib/studio/draftEvent';
import type { DraftEvent } from '@/lib/studio/draftStory';
import { MAX_SOURCE_TEXT_BYTES } from '@/lib/studio/sourceTextInput';

interface ImportEventsProps {
  sourceText: string;
  published: string;
  takenIds: ReadonlySet<string>;
  onImport(events: DraftEvent[]): void;
}

type ImportState = { kind: 'idle' } | { kind: 'done'; count: number; problems: ImportProblem[] } | { kind: 'failed'; message: string };

/** Events from a TimelineJS JSON or CSV file, added as drafts (the importer loads when a file is chosen). */
export function ImportEvents({ sourceText, published, takenIds, onImport }: ImportEventsProps) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const read = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_SOURCE_TEXT_BYTES) return setState({ kind: 'failed', message: `The file is ${(file.size / (1024 * 1024)).toFixed(1)} MB; an import can be at most 2 MB.` });
    const [{ importDrafts }, text] = await Promise.all([import('@/lib/studio/importDrafts'), file.text()]);
    const imported = importDrafts(file.name, text, { sourceText, published, takenIds });
    onImport(imported.events);
    setState({ kind: 'done', count: imported.events.length, problems: imported.problems });
  };
  return (
    <fieldset className="studio-import" data-testid="import-events">
      <legend>Import events</legend>
      <div className="studio-field">
        <label htmlFor="import-events-file">TimelineJS JSON or CSV file (one event per row)</label>
        <input id="import-events-file" type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void read(e.target.files?.[0])} />
      </div>
      <div role="status">
        {state.kind === 'done' && (
          <>
            <p>
              Imported {state.count} event{state.count === 1 ? '' : 's'} as drafts: the check lists what each still needs (a quote not found once
              in the source: select it, then &ldquo;Use as the quote&rdquo;).
            </p>
            {state.problems.length > 0 && (
              <ul>
                {state.problems.map((problem, index) => (
                  <li key={index}>
                    {problem.origin}, {problem.field}: {problem.reason}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {state.kind === 'failed' && <p>{state.message}</p>}
      </div>
    </fieldset>
  );
}
