import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sitrepMigrations } from '@/lib/storage/migrations';
import type { SitrepStorage } from '@/lib/storage/openStorage';
import { redactedDatabaseUrl } from '@/lib/storage/postgresDialect';
import { DATABASE_FILE_NAME } from '@/lib/storage/sqliteDialect';
import { runTogether, startChildWorker, WORKER_TIMEOUT_MS } from './fixtures/childWorkers';
import { describeEachEngine, describePostgresOnly, type TestStore } from './fixtures/engines';
import { FIRST_MIGRATION, migrationsWithRoomNotes, ROOM_NOTES_MIGRATION } from './fixtures/extraMigrations';
import { saveTestRoom, storesOn } from './fixtures/stores';

const OPEN_WORKER = path.join(import.meta.dirname, 'fixtures', 'openWorker.ts');
const SITREP_TABLES = ['decks', 'moments', 'rooms'];
const KYSELY_TABLES = ['kysely_migration', 'kysely_migration_lock'];

const tableNames = async <Tables>(db: Kysely<Tables>): Promise<string[]> =>
  (await db.introspection.getTables({ withInternalKyselyTables: true })).map((table) => table.name).sort();
const migrationNames = async <Tables>(db: Kysely<Tables>): Promise<string[]> =>
  (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map((row) => row.name);
const roomIds = async (storage: SitrepStorage): Promise<string[]> =>
  (await storage.db.selectFrom('rooms').select('id').orderBy('id').execute()).map((row) => row.id);

/** Everything a refused open must leave as it was: every table with its columns, the migrations recorded, the rooms. */
async function snapshotOf(storage: SitrepStorage) {
  const tables = await storage.db.introspection.getTables({ withInternalKyselyTables: true });
  return {
    tables: tables
      .map((table) => ({ name: table.name, columns: table.columns.map((column) => `${column.name} ${column.dataType} ${column.isNullable ? 'null' : 'not null'}`) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    migrations: await migrationNames(storage.db),
    rooms: await storage.db.selectFrom('rooms').selectAll().orderBy('id').execute(),
  };
}

/** A migration that changes the schema and the data, then fails: all of it must roll back. */
const halfDone: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createTable('scratch').addColumn('id', 'text').execute();
    await sql`DELETE FROM rooms`.execute(db);
    throw new Error('disk on fire');
  },
};

describeEachEngine('migrations', (engine) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await engine.freshStore();
  });
  afterEach(() => store.remove());
  const withHalfDone = () => ({ ...sitrepMigrations(engine.engine), '0002_half_done': halfDone });

  it('an empty store gets the tables and the first migration, recorded by name', async () => {
    const storage = await store.open();
    expect(storage.engine).toBe(engine.engine);
    expect(storage.appliedMigrations).toEqual([FIRST_MIGRATION]);
    expect(await tableNames(storage.db)).toEqual([...SITREP_TABLES, ...KYSELY_TABLES].sort());
    expect(await migrationNames(storage.db)).toEqual([FIRST_MIGRATION]);
    await storage.ping();
  });

  it('names where the store is, never with a password', async () => {
    const storage = await store.open();
    const url = store.location.databaseUrl;
    expect(storage.location).toBe(url ? redactedDatabaseUrl(url) : path.join(store.location.dataDir, DATABASE_FILE_NAME));
    if (url) expect(storage.location).not.toContain(new URL(url).password || '\u0000');
  });

  it('opened again (a restart), it applies nothing and keeps its data', async () => {
    const first = await store.open();
    await saveTestRoom(storesOn(first).rooms, 'room-1');
    await first.close();
    const second = await store.open();
    expect(second.appliedMigrations).toEqual([]);
    expect(await migrationNames(second.db)).toEqual([FIRST_MIGRATION]);
    expect(await roomIds(second)).toEqual(['room-1']);
  });

  it('a migration appended later is applied to an older store, which keeps its data', async () => {
    const first = await store.open();
    await saveTestRoom(storesOn(first).rooms, 'room-1');
    await first.close();
    const upgraded = await store.open({ migrations: migrationsWithRoomNotes(engine.engine) });
    expect(upgraded.appliedMigrations).toEqual([ROOM_NOTES_MIGRATION]);
    expect(await migrationNames(upgraded.db)).toEqual([FIRST_MIGRATION, ROOM_NOTES_MIGRATION]);
    const { rows } = await sql<{ id: string; notes: string | null }>`SELECT id, notes FROM rooms`.execute(upgraded.db);
    expect(rows).toEqual([{ id: 'room-1', notes: null }]);
    expect(await storesOn(upgraded).rooms.getRoom('room-1')).toMatchObject({ id: 'room-1' });
  });

  it('a store with a migration this code does not know is refused, naming it, and left untouched', async () => {
    const newer = await store.open({ migrations: migrationsWithRoomNotes(engine.engine) });
    await saveTestRoom(storesOn(newer).rooms, 'room-1');
    const before = await snapshotOf(newer);
    await newer.close();

    await expect(store.open()).rejects.toThrow(
      `the schema has migration "${ROOM_NOTES_MIGRATION}" that this code does not know (written by a newer Sitrep): run a newer Sitrep or point it at another store`,
    );
    const after = await store.open({ migrations: migrationsWithRoomNotes(engine.engine) });
    expect(after.appliedMigrations).toEqual([]);
    expect(await snapshotOf(after)).toEqual(before);
  });

  it('a failing migration rolls back whole (schema and data) and the error names it', async () => {
    const first = await store.open();
    await saveTestRoom(storesOn(first).rooms, 'room-1');
    const before = await snapshotOf(first);
    await first.close();

    await expect(store.open({ migrations: withHalfDone() })).rejects.toThrow('migration "0002_half_done" failed and was rolled back: disk on fire');
    const after = await store.open();
    expect(after.appliedMigrations).toEqual([]);
    expect(await snapshotOf(after)).toEqual(before);
    expect(await tableNames(after.db)).not.toContain('scratch');
  });

  it('on an empty store, a failing second migration takes the first one back with it', async () => {
    await expect(store.open({ migrations: withHalfDone() })).rejects.toThrow('migration "0002_half_done" failed and was rolled back');
    // The migrator's own tables are made before its transaction; nothing of the migrations is left.
    const retried = await store.open();
    expect(retried.appliedMigrations).toEqual([FIRST_MIGRATION]);
    expect(await tableNames(retried.db)).toEqual([...SITREP_TABLES, ...KYSELY_TABLES].sort());
  });

  it(
    'three processes opening a new store at once apply each migration once',
    async () => {
      const workers = [0, 1, 2].map(() => startChildWorker<{ applied: string[] }>(OPEN_WORKER, [JSON.stringify(store.location), 'with-notes']));
      const reports = await runTogether(workers);
      expect(reports.flatMap((report) => report.applied).sort()).toEqual([FIRST_MIGRATION, ROOM_NOTES_MIGRATION]);
      const storage = await store.open({ migrations: migrationsWithRoomNotes(engine.engine) });
      expect(storage.appliedMigrations).toEqual([]);
      expect(await migrationNames(storage.db)).toEqual([FIRST_MIGRATION, ROOM_NOTES_MIGRATION]);
    },
    WORKER_TIMEOUT_MS,
  );
});

describePostgresOnly('migrations, opened concurrently in one process', (engine) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await engine.freshStore();
  });
  afterEach(() => store.remove());

  it('two openStorage() calls at once on a fresh database apply each migration once (the migrator locks)', async () => {
    const opened = await Promise.all([0, 1, 2].map(() => store.open({ migrations: migrationsWithRoomNotes(engine.engine) })));
    expect(opened.flatMap((storage) => storage.appliedMigrations).sort()).toEqual([FIRST_MIGRATION, ROOM_NOTES_MIGRATION]);
    expect(await migrationNames((opened[0] as SitrepStorage).db)).toEqual([FIRST_MIGRATION, ROOM_NOTES_MIGRATION]);
  });
});
