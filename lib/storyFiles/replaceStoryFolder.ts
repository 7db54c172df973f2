import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls the swap makes: the real ones, or a test's that fail on a chosen step. */
export interface FolderFs {
  mkdir(dir: string): Promise<unknown>;
  /** Writes the file and flushes it to the disk before returning. */
  writeFileSynced(file: string, text: string): Promise<void>;
  /** Flushes a folder's entries (new names, renames) to the disk. */
  syncFolder(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  removeTree(dir: string): Promise<void>;
  exists(target: string): Promise<boolean>;
  list(dir: string): Promise<string[]>;
}

async function syncPath(target: string, flags: string, text?: string): Promise<void> {
  const handle = await fs.open(target, flags);
  try {
    if (text !== undefined) await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeFolderFs: FolderFs = {
  mkdir: (dir) => fs.mkdir(dir),
  writeFileSynced: (file, text) => syncPath(file, 'wx', text),
  syncFolder: (dir) => syncPath(dir, 'r'),
  rename: (from, to) => fs.rename(from, to),
  removeTree: (dir) => fs.rm(dir, { recursive: true, force: true }),
  exists: (target) => fs.stat(target).then(
    () => true,
    () => false,
  ),
  list: (dir) => fs.readdir(dir),
};

/**
 * Folders a save makes beside the story folders. Both start with `.`, so the loader never reads them:
 * `.tmp-<id>-<hex>` holds the new files until they are complete, `.old-<id>-<hex>` the previous folder during the swap.
 */
const TEMP_PREFIX = '.tmp-';
const OLD_PREFIX = '.old-';
const LEFTOVER = /^\.(tmp|old)-([a-z0-9-]+)-([0-9a-f]{12})$/;

const suffix = () => randomBytes(6).toString('hex');

/**
 * Replaces (or creates) the story folder `<eventsDir>/<id>` with exactly `files` (name -> text), so that the folder
 * name always holds a complete story, old or new:
 *
 * 1. the files are written and flushed into a new `.tmp-…` folder beside it (the loader ignores dot-folders);
 * 2. an existing folder is renamed to `.old-…`; 3. the new one is renamed to the story's name; 4. the old one is
 * removed.
 *
 * A failure before step 3 removes the new folder and puts the old one back. A crash between steps 2 and 3 leaves the
 * story with no folder of its name but its `.old-…` copy, which `cleanLeftovers` (at start) renames back; a crash
 * after step 3 leaves an `.old-…` (or a `.tmp-…`) that it removes. Returns warnings about tidying after the swap.
 */
export async function replaceStoryFolder(eventsDir: string, id: string, files: ReadonlyMap<string, string>, io: FolderFs = nodeFolderFs): Promise<string[]> {
  const target = path.join(eventsDir, id);
  const temp = path.join(eventsDir, `${TEMP_PREFIX}${id}-${suffix()}`);
  const old = path.join(eventsDir, `${OLD_PREFIX}${id}-${suffix()}`);
  let movedAside = false;
  try {
    await io.mkdir(temp);
    for (const [name, text] of files) await io.writeFileSynced(path.join(temp, name), text);
    await io.syncFolder(temp);
    if (await io.exists(target)) {
      await io.rename(target, old);
      movedAside = true;
    }
    await io.rename(temp, target);
  } catch (error) {
    await io.removeTree(temp).catch(() => undefined);
    if (movedAside && !(await io.exists(target))) await io.rename(old, target);
    throw error;
  }
  // The new story is in place: what follows only tidies, and a failure of it is reported, not thrown.
  const warnings: string[] = [];
  await io.syncFolder(eventsDir).catch((error: unknown) => warnings.push(`could not flush ${eventsDir}: ${String(error)}`));
  if (movedAside) await io.removeTree(old).catch((error: unknown) => warnings.push(`could not remove ${old} (removed at the next start): ${String(error)}`));
  return warnings;
}

/**
 * Tidies what an interrupted save left in the events folder (run at start, before the stories are read): a `.tmp-…`
 * folder is removed; an `.old-…` folder is renamed back to its story's name when that name is missing (the crash fell
 * between moving the old folder aside and putting the new one in place), and removed otherwise. Returns what it did.
 */
export async function cleanLeftovers(eventsDir: string, io: FolderFs = nodeFolderFs): Promise<string[]> {
  const done: string[] = [];
  for (const name of (await io.list(eventsDir)).sort()) {
    const match = LEFTOVER.exec(name);
    if (!match) continue;
    const [, kind, id] = match as unknown as [string, 'tmp' | 'old', string];
    const leftover = path.join(eventsDir, name);
    const target = path.join(eventsDir, id);
    if (kind === 'old' && !(await io.exists(target))) {
      await io.rename(leftover, target);
      done.push(`restored ${id} from ${name}`);
    } else {
      await io.removeTree(leftover);
      done.push(`removed ${name}`);
    }
  }
  return done;
}
