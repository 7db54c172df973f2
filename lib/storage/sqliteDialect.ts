import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql, SqliteAdapter, SqliteDialect, type Kysely } from 'kysely';

export const DATABASE_FILE_NAME = 'sitrep.sqlite';
/** How long a connection waits for another one's write lock before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * SQLite runs DDL inside transactions, so migrations here are applied whole or not at all. Kysely's stock adapter says
 * otherwise and takes no lock (it assumes one process); this one takes the file's write lock first thing in the
 * migration's transaction, so two processes opening a new file at once apply each migration once.
 */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
  override async acquireMigrationLock(db: Kysely<unknown>): Promise<void> {
    await sql`UPDATE kysely_migration_lock SET is_locked = is_locked`.execute(db);
  }
}

class SitrepSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** Opens (or creates) `${dataDir}/sitrep.sqlite` in WAL mode with foreign keys on. */
export function sqliteDialect(dataDir: string): { dialect: SqliteDialect; filePath: string; raw: Database.Database } {
  mkdirSync(dataDir, { recursive: true });
  const filePath = path.join(dataDir, DATABASE_FILE_NAME);
  const raw = new Database(filePath);
  try {
    // The busy timeout comes first so that the other pragmas wait for a concurrent opener.
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const journalMode = String(raw.pragma('journal_mode = WAL', { simple: true }));
    if (journalMode !== 'wal') throw new Error(`${filePath}: could not switch to WAL journal mode (got "${journalMode}")`);
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    raw.close();
    throw error;
  }
  return { dialect: new SitrepSqliteDialect({ database: raw }), filePath, raw };
}
