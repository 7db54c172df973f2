import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { StoryCatalog } from '../../events/catalog';
import { formatProblem } from '../../events/problems';
import { listStoryFolders, readStoryFolder, type StoryFolderFailure } from '../../storyFiles/readStoryFolders';
import { storyVersion } from '../../storyFiles/storyVersion';
import type { Logger } from '../logger';
import { SerialQueue } from './serialQueue';

/** What a folder looked like when last read: its files' names, sizes and modification times. */
async function fingerprintOf(folderPath: string): Promise<string | undefined> {
  try {
    const entries = await readdir(folderPath, { withFileTypes: true });
    const parts: string[] = [];
    for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
      const info = await stat(path.join(folderPath, entry.name));
      parts.push(`${entry.name}:${info.size}:${info.mtimeMs}`);
    }
    return parts.join('|');
  } catch {
    return undefined;
  }
}

/**
 * The stories of the events folder as the server serves them, kept up to date without a restart: a save through the
 * studio puts its story in at once (`put`), and `rescan` (run every few seconds, see startSitrep) re-reads the folders
 * whose files changed on disk, adds new ones and withdraws deleted ones. A folder edited into a broken state is
 * refused (logged, listed in /api/health) while its last good version is still served. Rescans and saves take turns
 * (`queue`): a rescan never looks at a folder while a save swaps it.
 */
export class StoryLibrary {
  readonly catalog = new StoryCatalog([], storyVersion);
  readonly queue = new SerialQueue();
  private readonly fingerprints = new Map<string, string>();
  private readonly failuresByFolder = new Map<string, StoryFolderFailure>();

  constructor(
    readonly eventsDir: string,
    private readonly logger: Logger,
  ) {}

  failures(): StoryFolderFailure[] {
    return [...this.failuresByFolder.values()];
  }

  /** Re-reads the folders that changed since the last look (all of them the first time). */
  rescan(): Promise<void> {
    return this.queue.run(async () => {
      const folders = await listStoryFolders(this.eventsDir);
      const names = new Set(folders.map((folder) => path.basename(folder)));
      for (const folder of folders) await this.refreshFolder(path.basename(folder));
      for (const name of [...this.fingerprints.keys()]) {
        if (names.has(name)) continue;
        this.fingerprints.delete(name);
        this.failuresByFolder.delete(name);
        if (this.catalog.get(name)) {
          this.catalog.withdraw(name);
          this.logger.info({ folder: name }, `Story ${name} withdrawn: its folder is gone`);
        }
      }
    });
  }

  /**
   * Reads one folder again if its files changed (call inside `queue`). A valid folder replaces the served story; a
   * refused one is logged and its last good version, if any, is still served.
   */
  async refreshFolder(name: string): Promise<void> {
    const folderPath = path.join(this.eventsDir, name);
    const fingerprint = await fingerprintOf(folderPath);
    if (fingerprint === undefined || fingerprint === this.fingerprints.get(name)) return;
    const read = await readStoryFolder(folderPath);
    // Read after: a folder that changed while it was read is read again at the next rescan.
    this.fingerprints.set(name, fingerprint);
    if (!read.ok) {
      this.failuresByFolder.set(name, read.failure);
      const still = this.catalog.get(name) ? ' (its last valid version is still served)' : '';
      this.logger.error({ folder: read.failure.folder }, `Story ${read.failure.folder} refused (${read.failure.problems.length} problem(s))${still}:`);
      for (const problem of read.failure.problems) this.logger.error({ folder: read.failure.folder }, `  ${formatProblem(problem)}`);
      return;
    }
    this.failuresByFolder.delete(name);
    const before = this.catalog.version(name);
    const version = this.catalog.put(read.story);
    if (before !== undefined && before !== version) this.logger.info({ folder: name, storyVersion: version }, `Story ${name} updated from its folder`);
  }

  /** After a save wrote `name` (inside `queue`): remembers the folder as read, so that the next rescan skips it. */
  async noteWritten(name: string): Promise<void> {
    const fingerprint = await fingerprintOf(path.join(this.eventsDir, name));
    if (fingerprint !== undefined) this.fingerprints.set(name, fingerprint);
    this.failuresByFolder.delete(name);
  }
}
