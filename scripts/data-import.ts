/**
 * `npm run data:import -- <file>` — adds the rooms and decks of a file written by `npm run data:export` to the store
 * (SITREP_DATABASE_URL, else SQLite in SITREP_DATA_DIR), in one transaction: everything or, on any problem, nothing.
 * Rooms already in the store are never overwritten. Stop the servers using the store first.
 */
import { readFileSync } from 'node:fs';
import { parseDataFile } from '../lib/storage/dataFile';
import { importData } from '../lib/storage/dataTransfer';
import { openStorageFromEnv, runFileCommand } from './lib/storageFromEnv';

runFileCommand('usage: npm run data:import -- <file>', 'data:import failed (nothing was imported)', async (filePath) => {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    console.error(`${filePath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return 1;
  }
  const parsed = parseDataFile(filePath, text);
  if (!parsed.ok) {
    console.error(`${parsed.message}\nNothing was imported.`);
    return 1;
  }
  const storage = await openStorageFromEnv(process.env);
  try {
    const result = await importData(storage.db, parsed.file);
    if (!result.ok) {
      console.error(`${filePath}: ${result.message}`);
      return 1;
    }
    console.log(`Imported ${result.rooms} rooms and ${result.moments} moments from ${filePath} into ${storage.location}`);
    return 0;
  } finally {
    await storage.close();
  }
});
