import type Database from 'better-sqlite3';
import { checkMigrationOrder, latestVersion, type Migration } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Throws when the file was written by newer code: its schema is unknown here, so nothing may touch it. */
export function refuseNewer(filePath: string, found: number, known: number): void {
  if (found > known) {
    throw new Error(
      `${filePath}: the database has schema version ${found}, newer than version ${known} that this code knows; ` +
        'run a newer Sitrep or point it at another data folder',
    );
  }
}

/**
 * Brings the schema up to date, one transaction per migration, tracked in `PRAGMA user_version`.
 * Each step takes the write lock first (BEGIN IMMEDIATE) and re-reads the version, so two processes opening a new
 * file at once apply every migration once. A failing step rolls back whole and is reported with its name.
 * Returns the versions applied.
 */
export function runMigrations(db: Database.Database, filePath: string, migrations: readonly Migration[]): number[] {
  checkMigrationOrder(migrations);
  const known = latestVersion(migrations);
  refuseNewer(filePath, schemaVersion(db), known);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (schemaVersion(db) >= migration.version) continue;
    const apply = db.transaction(() => {
      const current = schemaVersion(db);
      refuseNewer(filePath, current, known);
      if (current >= migration.version) return false;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    try {
      if (apply.immediate()) applied.push(migration.version);
    } catch (error) {
      throw new Error(`${filePath}: migration ${migration.version} ("${migration.name}") failed and was rolled back: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }
  return applied;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
