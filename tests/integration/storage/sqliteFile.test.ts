import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStorage } from '@/lib/storage/openStorage';
import { BUSY_TIMEOUT_MS, DATABASE_FILE_NAME } from '@/lib/storage/sqliteDialect';
import { makeMomentInput } from '../../unit/decks/momentFixtures';
import { describeSqliteOnly, type TestStore } from './fixtures/engines';
import { FIRST_MIGRATION, migrationsWithRoomNotes, ROOM_NOTES_MIGRATION } from './fixtures/extraMigrations';
import { digestOf, storesOn } from './fixtures/stores';

/** The schema as the code wrote it before migrations were tracked by name (commit def880c), exactly. */
const PRE_KYSELY_SCHEMA = `
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
    `;
const CLOCK_JSON = '{"positionMs":1745000000000,"status":"paused"}';

/** Writes a data file as the code before Kysely left it: the old tables, `user_version` 1, one room with a deck of two moments. */
function writePreKyselyFile(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec(PRE_KYSELY_SCHEMA);
    db.pragma('user_version = 1');
    db.prepare('INSERT INTO rooms (id, scenario_id, key_digest, created_at_ms, clock_json, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?)').run(
      'briefing',
      'story-a',
      digestOf('old key'),
      10,
      CLOCK_JSON,
      11,
    );
    db.prepare('INSERT INTO decks (room_id, version, updated_at_ms) VALUES (?, ?, ?)').run('briefing', 2, 12);
    const addMoment = db.prepare('INSERT INTO moments (id, room_id, position, data_json) VALUES (?, ?, ?, ?)');
    addMoment.run('old-0', 'briefing', 0, JSON.stringify(makeMomentInput({ note: 'first' })));
    addMoment.run('old-1', 'briefing', 1, JSON.stringify(makeMomentInput({ note: 'second' })));
  } finally {
    db.close();
  }
}

describeSqliteOnly('the SQLite file', (engine) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await engine.freshStore();
  });
  afterEach(() => store.remove());
  const filePath = () => path.join(store.location.dataDir, DATABASE_FILE_NAME);

  it('is made with its folders on first open, in WAL mode with foreign keys on and a busy timeout', async () => {
    const dataDir = path.join(store.location.dataDir, 'nested', 'data');
    const storage = await openStorage({ dataDir });
    try {
      expect(storage.location).toBe(path.join(dataDir, DATABASE_FILE_NAME));
      expect(existsSync(storage.location)).toBe(true);
      const pragma = async (name: string) => Object.values((await sql<Record<string, unknown>>`PRAGMA ${sql.raw(name)}`.execute(storage.db)).rows[0] ?? {})[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(BUSY_TIMEOUT_MS);
      expect(await pragma('synchronous')).toBe(1); // NORMAL
    } finally {
      await storage.close();
    }
  });

  it('of the schema before Kysely is upgraded in place on first open, its rooms and decks read and written through the stores', async () => {
    writePreKyselyFile(store.location.dataDir);
    const storage = await store.open();
    expect(storage.appliedMigrations).toEqual([FIRST_MIGRATION]);
    const { rooms, decks } = storesOn(storage);
    expect(await rooms.listRooms()).toEqual([
      { id: 'briefing', scenarioId: 'story-a', keyDigest: digestOf('old key'), createdAtMs: 10, clockJson: CLOCK_JSON, updatedAtMs: 11 },
    ]);
    expect(await decks.getDeck('briefing')).toEqual({
      roomId: 'briefing',
      version: 2,
      updatedAtMs: 12,
      moments: [
        { ...makeMomentInput({ note: 'first' }), id: 'old-0' },
        { ...makeMomentInput({ note: 'second' }), id: 'old-1' },
      ],
    });
    const edited = await decks.reorderMoments('briefing', ['old-1', 'old-0'], { expectedVersion: 2 }, 20);
    expect(edited).toMatchObject({ ok: true, deck: { version: 3 } });
    expect(await decks.addMoment('briefing', makeMomentInput(), {}, 21, 'old-0')).toMatchObject({ ok: false, code: 'invalid' });
    await storage.close();

    const reopened = await store.open();
    expect(reopened.appliedMigrations).toEqual([]);
    expect((await storesOn(reopened).decks.getDeck('briefing'))?.moments.map((moment) => moment.id)).toEqual(['old-1', 'old-0']);
    expect(await storesOn(reopened).rooms.deleteRoom('briefing')).toBe(true);
    expect(await storesOn(reopened).decks.getDeck('briefing')).toBeUndefined();
  });

  it('written by newer code is refused and left byte for byte as it was', async () => {
    const newer = await store.open({ migrations: migrationsWithRoomNotes('sqlite') });
    await storesOn(newer).rooms.saveRoom({ id: 'room-1', scenarioId: 's', keyDigest: digestOf('k'), createdAtMs: 1 });
    await newer.close();
    expect(existsSync(`${filePath()}-wal`)).toBe(false); // closed cleanly: everything is in the file itself
    const before = readFileSync(filePath());
    await expect(store.open()).rejects.toThrow(`storage at ${filePath()}: the schema has migration "${ROOM_NOTES_MIGRATION}" that this code does not know`);
    expect(readFileSync(filePath()).equals(before)).toBe(true);
  });
});
