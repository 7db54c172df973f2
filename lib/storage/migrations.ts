import type Database from 'better-sqlite3';

/** One step of the schema. `version` counts from 1 without gaps; `up` runs inside the migration's transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/**
 * Schema v1: rooms that survive a restart, and one deck of ordered moments per room.
 * Tables are STRICT (types enforced); a moment's content is validated JSON in `data_json`.
 * `moments.position` is 0..n-1 per room; UNIQUE(room_id, position) makes a reorder a two-step update.
 */
const roomsAndDecks: Migration = {
  version: 1,
  name: 'rooms and decks',
  up(db) {
    db.exec(`
      CREATE TABLE rooms (
        id TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL,
        key_digest BLOB NOT NULL CHECK (length(key_digest) = 32),
        created_at_ms INTEGER NOT NULL,
        clock_json TEXT CHECK (clock_json IS NULL OR json_valid(clock_json)),
        updated_at_ms INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE decks (
        room_id TEXT PRIMARY KEY REFERENCES rooms(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 0),
        updated_at_ms INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE moments (
        id TEXT PRIMARY KEY,
        room_id TEXT NOT NULL REFERENCES decks(room_id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        data_json TEXT NOT NULL CHECK (json_valid(data_json)),
        UNIQUE (room_id, position)
      ) STRICT;
    `);
  },
};

/** Every migration this code knows, in order. Append; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [roomsAndDecks];

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Throws unless versions run 1, 2, 3, ... in order: a gap or a duplicate is a programming error. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}, expected ${index + 1}: versions run 1, 2, 3, ... without gaps`);
    }
  });
}
