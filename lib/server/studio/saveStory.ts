import { access } from 'node:fs/promises';
import path from 'node:path';
import { checkStory, EVENTS_FILE, SCENARIO_FILE, type Story } from '../../events/checkStory';
import type { StoryProblem } from '../../events/problems';
import { replaceStoryFolder, type FolderFs, nodeFolderFs } from '../../storyFiles/replaceStoryFolder';
import { sourceTextProblem } from '../../studio/sourceTextCheck';
import type { Logger } from '../logger';
import type { StoryLibrary } from './storyLibrary';

/** What an editor sends to save a story (PUT /api/studio/stories/:id). */
export interface StorySave {
  /** The version the editor started from; null to create a story that does not exist yet. */
  baseVersion: string | null;
  scenario: unknown;
  events: unknown;
  sourceText: string;
}

export type SaveResult =
  | { ok: true; version: string }
  | { ok: false; code: 'invalid_story'; problems: StoryProblem[] }
  | { ok: false; code: 'conflict'; currentVersion: string | null; message: string };

/** The source file's name when the scenario gives none that can be written (the checker then says why). */
const DEFAULT_SOURCE_FILE = 'article.txt';
const SAFE_FILE_NAME = /^[\w-][\w.-]*$/;

function sourceFileOf(scenario: unknown): string | undefined {
  const source = (scenario as { source?: { file?: unknown } } | null)?.source;
  return typeof source?.file === 'string' ? source.file : undefined;
}

/** The folder's files as the loader will read them, and what is wrong with them (the checker of events:check). */
export function storyFolderFiles(id: string, save: StorySave): { files: Map<string, string>; story?: Story; problems: StoryProblem[] } {
  const named = sourceFileOf(save.scenario);
  const problems: StoryProblem[] = [];
  const writable = named !== undefined && SAFE_FILE_NAME.test(named) && named !== SCENARIO_FILE && named !== EVENTS_FILE;
  if (named !== undefined && !writable) {
    problems.push({ file: `${id}/${SCENARIO_FILE}`, field: 'source.file', reason: `"${named}" cannot be the source's file name (a plain file name, not ${SCENARIO_FILE} or ${EVENTS_FILE})` });
  }
  const sourceFile = writable ? named : DEFAULT_SOURCE_FILE;
  const textProblem = sourceTextProblem(save.sourceText);
  if (textProblem) problems.push({ file: `${id}/${sourceFile}`, field: 'sourceText', reason: textProblem });

  const files = new Map<string, string>([
    [SCENARIO_FILE, `${JSON.stringify(save.scenario, null, 2)}\n`],
    [EVENTS_FILE, `${JSON.stringify(save.events, null, 2)}\n`],
    [sourceFile, save.sourceText],
  ]);
  const checked = checkStory({ folder: id, folderName: id, files });
  if (!checked.ok) problems.push(...checked.problems);
  return problems.length === 0 && checked.ok ? { files, story: checked.story, problems } : { files, problems };
}

const exists = (target: string) => access(target).then(() => true, () => false);

/**
 * Saves a story folder from the studio: checked first (a refused story writes nothing), then, one save at a time,
 * the version the editor started from is compared with the stored one (after reading the folder again, so that a
 * hand edit counts too) and the folder is replaced atomically (replaceStoryFolder). A stale `baseVersion` is a
 * conflict and overwrites nothing. The saved story is served at once: new rooms replay it; rooms already replaying
 * the story keep the version they started with.
 */
export async function saveStory(library: StoryLibrary, id: string, save: StorySave, logger: Logger, io: FolderFs = nodeFolderFs): Promise<SaveResult> {
  const built = storyFolderFiles(id, save);
  if (!built.story) return { ok: false, code: 'invalid_story', problems: built.problems };
  const story = built.story;
  return library.queue.run(async () => {
    await library.refreshFolder(id);
    const current = library.catalog.version(id) ?? null;
    const onDisk = await exists(path.join(library.eventsDir, id));
    if (save.baseVersion === null && onDisk) {
      return { ok: false, code: 'conflict', currentVersion: current, message: `A story with the id "${id}" already exists: open it to edit it, or choose another id` };
    }
    if (save.baseVersion !== null && save.baseVersion !== current) {
      const now = current === null ? 'it is no longer served' : `it is now at version ${current}`;
      return {
        ok: false,
        code: 'conflict',
        currentVersion: current,
        message: `This story was saved by someone else since you opened it (${now}): nothing was overwritten; load it again and redo your changes`,
      };
    }
    const warnings = await replaceStoryFolder(library.eventsDir, id, built.files, io);
    for (const warning of warnings) logger.warn({ folder: id }, warning);
    await library.noteWritten(id);
    const version = library.catalog.put(story);
    logger.info({ folder: id, storyVersion: version }, `Story ${id} saved from the studio`);
    return { ok: true, version };
  });
}
