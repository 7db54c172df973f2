import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

export const DATABASE_FILE_NAME = 'sitrep.sqlite';
/** How long a connection waits for another one's write lock before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Every transaction here writes, so each one takes the file's write lock as it begins (BEGIN IMMEDIATE), waiting up to
 * BUSY_TIMEOUT_MS for another process to let go. A deferred BEGIN would read first and could then find, when it comes
 * to write, that another process wrote since: SQLite refuses that write at once (SQLITE_BUSY, whatever the busy
 * timeout). This also serializes migrations across processes: Kysely's migrator takes its lock outside the
 * transaction, where SQLite has nothing to hold, then reads what is applied inside it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** SQLite runs DDL inside transactions, so migrations here are applied whole or not at all (Kysely's stock adapter says otherwise). */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class SitrepSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config);
  }
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** Opens (or creates) `${dataDir}/sitrep.sqlite` in WAL mode with foreign keys on. */
export async function sqliteDialect(dataDir: string): Promise<{ dialect: SqliteDialect; filePath: string; raw: Database.Database }> {
  mkdirSync(dataDir, { recursive: true });
  const filePath = path.join(dataDir, DATABASE_FILE_NAME);
  const raw = new Database(filePath);
  try {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const journalMode = await switchToWal(raw);
    if (journalMode !== 'wal') throw new Error(`${filePath}: could not switch to WAL journal mode (got "${journalMode}")`);
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    raw.close();
    throw error;
  }
  return { dialect: new SitrepSqliteDialect({ database: raw }), filePath, raw };
}

/** How long to wait before trying the switch to WAL again, while another process holds the new file. */
const WAL_SWITCH_RETRY_MS = 10;

/**
 * Switching a new file to WAL needs it to itself; when another process opens the same new file at once, SQLite can
 * answer SQLITE_BUSY at once without waiting out the busy timeout (it would deadlock otherwise). Tried again until
 * BUSY_TIMEOUT_MS has passed. A file already in WAL mode switches at once.
 */
async function switchToWal(raw: Database.Database): Promise<string> {
  const giveUpAtMs = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return String(raw.pragma('journal_mode = WAL', { simple: true }));
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() >= giveUpAtMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, WAL_SWITCH_RETRY_MS));
    }
  }
}
