import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { assertNever } from '../assertNever';
import type { StorageEngine } from './storageTables';

/** The column types that differ between the engines; everything else is written once. */
function columnTypes(engine: StorageEngine) {
  switch (engine) {
    case 'sqlite':
      return { wallMs: sql`integer`, count: sql`integer`, bytes: sql`blob`, byteLength: sql.raw('length'), jsonCheck: (column: string) => sql.raw(`json_valid(${column})`) };
    case 'postgres':
      // A cast to jsonb raises an error for text that is not JSON, which refuses the row like a failed CHECK.
      return { wallMs: sql`bigint`, count: sql`integer`, bytes: sql`bytea`, byteLength: sql.raw('octet_length'), jsonCheck: (column: string) => sql.raw(`(${column})::jsonb IS NOT NULL`) };
    default:
      return assertNever(engine, 'storage engine');
  }
}

/**
 * 0001: rooms that survive a restart, and one deck of ordered moments per room. `moments.position` is 0..n-1 per room;
 * UNIQUE(room_id, position) makes a reorder a two-step update. SQLite tables are STRICT (types enforced).
 * IF NOT EXISTS adopts a data file written before migrations were tracked by name (same tables, `user_version` 1):
 * the step finds the tables there and is recorded as applied.
 */
function roomsAndDecks(engine: StorageEngine): Migration {
  const t = columnTypes(engine);
  const strict = engine === 'sqlite' ? sql`STRICT` : sql``;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rooms')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scenario_id', 'text', (c) => c.notNull())
        .addColumn('key_digest', t.bytes, (c) => c.notNull().check(sql`${t.byteLength}(key_digest) = 32`))
        .addColumn('created_at_ms', t.wallMs, (c) => c.notNull())
        .addColumn('clock_json', 'text', (c) => c.check(sql`clock_json IS NULL OR ${t.jsonCheck('clock_json')}`))
        .addColumn('updated_at_ms', t.wallMs, (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await db.schema
        .createTable('decks')
        .ifNotExists()
        .addColumn('room_id', 'text', (c) => c.primaryKey().references('rooms.id').onDelete('cascade'))
        .addColumn('version', t.count, (c) => c.notNull().check(sql`version >= 0`))
        .addColumn('updated_at_ms', t.wallMs, (c) => c.notNull())
        .modifyEnd(strict)
        .execute();
      await db.schema
        .createTable('moments')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull().references('decks.room_id').onDelete('cascade'))
        .addColumn('position', t.count, (c) => c.notNull())
        .addColumn('data_json', 'text', (c) => c.notNull().check(t.jsonCheck('data_json')))
        .addUniqueConstraint('moments_room_position', ['room_id', 'position'])
        .modifyEnd(strict)
        .execute();
    },
  };
}

/**
 * Every migration this code knows, by name, in order; the same list on both engines. Append; never edit one that has
 * shipped. Kysely's migrator records each applied name (kysely_migration) and applies them in one transaction.
 */
export function sitrepMigrations(engine: StorageEngine): Record<string, Migration> {
  return {
    '0001_rooms_and_decks': roomsAndDecks(engine),
  };
}
