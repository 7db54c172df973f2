import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkMigrationOrder, latestVersion, MIGRATIONS, type Migration } from './migrations';
import { refuseNewer, runMigrations, schemaVersion } from './runMigrations';

export const DATABASE_FILE_NAME = 'sitrep.sqlite';
/** How long a connection waits for another one's write lock before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

export interface OpenDatabaseOptions {
  /** The data folder; created (with its parents) when missing. */
  dataDir: string;
  /** For tests only: the code's migrations by default. */
  migrations?: readonly Migration[];
}

export interface SitrepDatabase {
  readonly db: Database.Database;
  readonly filePath: string;
  /** The migration versions this open applied (empty when the schema was already current). */
  readonly appliedMigrations: readonly number[];
  close(): void;
}

/** Opens (or creates) `${dataDir}/sitrep.sqlite` in WAL mode and brings its schema up to date. */
export function openDatabase({ dataDir, migrations = MIGRATIONS }: OpenDatabaseOptions): SitrepDatabase {
  checkMigrationOrder(migrations);
  mkdirSync(dataDir, { recursive: true });
  const filePath = path.join(dataDir, DATABASE_FILE_NAME);
  const db = new Database(filePath);
  try {
    // The busy timeout comes first so that the other pragmas and the migrations wait for a concurrent opener.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A file from newer code is refused before anything (even the journal mode) is written to it.
    refuseNewer(filePath, schemaVersion(db), latestVersion(migrations));
    const journalMode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (journalMode !== 'wal') throw new Error(`${filePath}: could not switch to WAL journal mode (got "${journalMode}")`);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const appliedMigrations = runMigrations(db, filePath, migrations);
    return { db, filePath, appliedMigrations, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
