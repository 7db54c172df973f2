import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EVENTS_FILE, SCENARIO_FILE } from '../../events/checkStory';
import type { StoryProblem } from '../../events/problems';
import type { StoryLibrary } from './storyLibrary';

/** A story as the studio edits it: the folder's files as written (events in file form), with the version they are. */
export interface EditableStory {
  id: string;
  version: string;
  scenario: unknown;
  events: unknown;
  sourceText: string;
}

export type EditableStoryResult = { ok: true; story: EditableStory } | { ok: false; code: 'not_found' } | { ok: false; code: 'invalid_story'; problems: StoryProblem[] };

/**
 * The story's folder as it stands on disk (read again first, so that the version is the one a save compares with),
 * in the form the files hold: the events as written, not as the server serves them. A folder broken by a hand edit
 * whose files still parse is given out with the version still served, so that the studio can mend it; one whose
 * JSON does not parse is answered with its problems.
 */
export function editableStory(library: StoryLibrary, id: string): Promise<EditableStoryResult> {
  return library.queue.run(async (): Promise<EditableStoryResult> => {
    await library.refreshFolder(id);
    const version = library.catalog.version(id);
    const served = library.catalog.get(id);
    if (version === undefined || !served) return { ok: false, code: 'not_found' };
    const folder = path.join(library.eventsDir, id);
    try {
      const scenario = JSON.parse(await readFile(path.join(folder, SCENARIO_FILE), 'utf8')) as unknown;
      const events = JSON.parse(await readFile(path.join(folder, EVENTS_FILE), 'utf8')) as unknown;
      const sourceFile = (scenario as { source?: { file?: unknown } } | null)?.source?.file;
      const sourceText = typeof sourceFile === 'string' ? await readFile(path.join(folder, path.basename(sourceFile)), 'utf8') : served.sourceText;
      return { ok: true, story: { id, version, scenario, events, sourceText } };
    } catch {
      const failure = library.failures().find((f) => path.basename(f.folder) === id);
      return { ok: false, code: 'invalid_story', problems: failure?.problems ?? [{ file: id, field: '', reason: 'the story folder cannot be read' }] };
    }
  });
}
