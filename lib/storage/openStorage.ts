import { Kysely, sql } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import { postgresDialect, redactedDatabaseUrl } from './postgresDialect';
import { sqliteDialect } from './sqliteDialect';
import { sitrepMigrations } from './migrations';
import type { SitrepDb, SitrepTables, StorageEngine } from './storageTables';

export interface StorageOptions {
  /** The data folder of the embedded engine (SQLite): used when no database URL is given. */
  dataDir: string;
  /** `postgres://…`: rooms and decks in PostgreSQL, shared by every node that names it. */
  databaseUrl?: string;
  /** Told when an idle PostgreSQL connection drops (the pool reconnects on demand). */
  onConnectionLost?: (error: Error) => void;
  /** For tests only: the code's migrations by default. */
  migrations?: Record<string, Migration>;
}

export interface SitrepStorage {
  readonly db: SitrepDb;
  readonly engine: StorageEngine;
  /** Where the data is: the SQLite file, or the PostgreSQL URL without its password. */
  readonly location: string;
  /** The migrations this open applied (empty when the schema was already current). */
  readonly appliedMigrations: readonly string[];
  /** Resolves when the store answers a query; rejects with the driver's error when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store could not be opened: names where it is (never a password) and why. */
export class StorageOpenError extends Error {
  constructor(location: string, reason: string, options?: ErrorOptions) {
    super(`storage at ${location}: ${reason}`, options);
    this.name = 'StorageOpenError';
  }
}

/**
 * Opens the store — SQLite in `dataDir` by default, PostgreSQL when `databaseUrl` is set — and brings its schema up
 * to date with the same migrations on both. A store whose schema comes from newer code is refused before anything is
 * written to it.
 */
export async function openStorage(options: StorageOptions): Promise<SitrepStorage> {
  const url = options.databaseUrl;
  const engine: StorageEngine = url ? 'postgres' : 'sqlite';
  let location: string;
  let db: SitrepDb;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new StorageOpenError(redactedDatabaseUrl(url), 'SITREP_DATABASE_URL must start with postgres://');
    location = redactedDatabaseUrl(url);
    const { dialect } = postgresDialect(url, options.onConnectionLost ?? (() => undefined));
    db = new Kysely<SitrepTables>({ dialect });
  } else {
    const opened = await sqliteDialect(options.dataDir);
    location = opened.filePath;
    db = new Kysely<SitrepTables>({ dialect: opened.dialect });
  }
  try {
    await sql`SELECT 1`.execute(db).catch((error: unknown) => {
      throw new StorageOpenError(location, `cannot connect: ${reasonOf(error)}`, { cause: error });
    });
    const migrations = options.migrations ?? sitrepMigrations(engine);
    const appliedMigrations = await migrate(db, location, migrations);
    return {
      db,
      engine,
      location,
      appliedMigrations,
      ping: async () => {
        await sql`SELECT 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

async function migrate(db: SitrepDb, location: string, migrations: Record<string, Migration>): Promise<string[]> {
  await refuseUnknownMigrations(db, location, Object.keys(migrations));
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const what = failed ? `migration "${failed}" failed and was rolled back` : 'the migrations failed';
    throw new StorageOpenError(location, `${what}: ${reasonOf(error)}`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** A store migrated by newer code holds a schema this code does not know: nothing may touch it. */
async function refuseUnknownMigrations(db: SitrepDb, location: string, known: readonly string[]): Promise<void> {
  // Kysely's introspection leaves its own tables out unless asked.
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === 'kysely_migration')) return;
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  const unknown = rows.map((row) => row.name).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new StorageOpenError(
      location,
      `the schema has migration${unknown.length === 1 ? '' : 's'} ${unknown.map((name) => `"${name}"`).join(', ')} that this code does not know ` +
        '(written by a newer Sitrep): run a newer Sitrep or point it at another store',
    );
  }
}

export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
