/**
 * `npm run data:export -- <file>` — writes every room and deck of the store (SITREP_DATABASE_URL, else SQLite in
 * SITREP_DATA_DIR) to a new JSON file, for `npm run data:import` on another engine or machine. Never overwrites a file.
 */
import { closeSync, linkSync, openSync, rmSync, writeSync, fsyncSync } from 'node:fs';
import { exportData } from '../lib/storage/dataTransfer';
import { openStorageFromEnv, runFileCommand } from './lib/storageFromEnv';

runFileCommand('usage: npm run data:export -- <file>', 'data:export failed', async (filePath) => {
  const storage = await openStorageFromEnv(process.env);
  try {
    const data = await exportData(storage.db, storage.engine, Date.now());
    // Written beside the target, then linked into place: the file appears whole or not at all, and an existing one
    // is never replaced (link fails with EEXIST).
    const partial = `${filePath}.${process.pid}.partial`;
    const fd = openSync(partial, 'wx');
    try {
      writeSync(fd, `${JSON.stringify(data, null, 1)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(partial, filePath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        console.error(`${filePath}: already exists; choose another file (nothing was written)`);
        return 1;
      }
      throw error;
    } finally {
      rmSync(partial, { force: true });
    }
    const moments = data.rooms.reduce((sum, room) => sum + room.deck.moments.length, 0);
    console.log(`Exported ${data.rooms.length} rooms and ${moments} moments from ${storage.location} to ${filePath}`);
    return 0;
  } finally {
    await storage.close();
  }
});
