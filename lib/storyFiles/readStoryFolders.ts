import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkStory, type Story, type StoryFiles } from '../events/checkStory';
import type { StoryProblem } from '../events/problems';

/** Files larger than this are not read (a 100,000-event story is about 100 MB of JSON). */
export const MAX_STORY_FILE_BYTES = 512 * 1024 * 1024;

export interface StoryFolderFailure {
  folder: string;
  problems: StoryProblem[];
}

function displayPath(folderPath: string): string {
  const relative = path.relative(process.cwd(), folderPath);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : folderPath;
}

/** Reads the files of one story folder (not its sub-folders), without checking them. */
export async function readStoryFolderFiles(folderPath: string): Promise<{ ok: true; files: StoryFiles } | { ok: false; failure: StoryFolderFailure }> {
  const folder = displayPath(folderPath);
  const files = new Map<string, string>();
  let entries;
  try {
    entries = await readdir(folderPath, { withFileTypes: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'folder not found' : `cannot read folder: ${String(error)}`;
    return { ok: false, failure: { folder, problems: [{ file: folder, field: '', reason }] } };
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const filePath = path.join(folderPath, entry.name);
    const { size } = await stat(filePath);
    if (size > MAX_STORY_FILE_BYTES) continue;
    files.set(entry.name, await readFile(filePath, 'utf8'));
  }
  return { ok: true, files: { folder, folderName: path.basename(folderPath), files } };
}

/** Reads one story folder and validates it. */
export async function readStoryFolder(folderPath: string): Promise<{ ok: true; story: Story } | { ok: false; failure: StoryFolderFailure }> {
  const read = await readStoryFolderFiles(folderPath);
  if (!read.ok) return read;
  const checked = checkStory(read.files);
  return checked.ok ? { ok: true, story: checked.story } : { ok: false, failure: { folder: read.files.folder, problems: checked.problems } };
}

/** The story folders of an events directory: its sub-folders, except hidden ones and those starting with `_`. */
export async function listStoryFolders(eventsDir: string): Promise<string[]> {
  const entries = await readdir(eventsDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => path.join(eventsDir, e.name))
    .sort();
}
