import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '@/lib/storage/migrations';
import { BUSY_TIMEOUT_MS, DATABASE_FILE_NAME, openDatabase } from '@/lib/storage/openDatabase';
import { runMigrations, schemaVersion } from '@/lib/storage/runMigrations';
import { makeTempDataDir } from './fixtures/tempDataDir';

let temp: ReturnType<typeof makeTempDataDir>;
beforeEach(() => {
  temp = makeTempDataDir();
});
afterEach(() => temp.remove());

const tableNames = (db: Database.Database): string[] =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);

const insertRoom = (db: Database.Database, id: string) =>
  db
    .prepare('INSERT INTO rooms (id, scenario_id, key_digest, created_at_ms, updated_at_ms) VALUES (?, ?, ?, 1, 1)')
    .run(id, 'story', Buffer.alloc(32));

describe('openDatabase', () => {
  it('creates the data folder, the file and schema v1 on first open, with the pragmas set', () => {
    const dataDir = path.join(temp.dir, 'nested', 'data');
    const database = openDatabase({ dataDir });
    try {
      expect(database.filePath).toBe(path.join(dataDir, DATABASE_FILE_NAME));
      expect(database.appliedMigrations).toEqual([1]);
      expect(schemaVersion(database.db)).toBe(1);
      expect(tableNames(database.db)).toEqual(['decks', 'moments', 'rooms']);
      const pragma = (name: string) => database.db.pragma(name, { simple: true });
      expect(pragma('journal_mode')).toBe('wal');
      expect(pragma('foreign_keys')).toBe(1);
      expect(pragma('busy_timeout')).toBe(BUSY_TIMEOUT_MS);
      expect(pragma('synchronous')).toBe(1); // NORMAL
    } finally {
      database.close();
    }
  });

  it('keeps its data when closed and opened again (a restart), applying no migration twice', () => {
    const first = openDatabase({ dataDir: temp.dir });
    insertRoom(first.db, 'room-1');
    first.close();

    const second = openDatabase({ dataDir: temp.dir });
    try {
      expect(second.appliedMigrations).toEqual([]);
      expect(runMigrations(second.db, second.filePath, MIGRATIONS)).toEqual([]);
      expect(second.db.prepare('SELECT id FROM rooms').all()).toEqual([{ id: 'room-1' }]);
    } finally {
      second.close();
    }
  });

  it('applies a new migration to an older file and keeps its data', () => {
    openDatabase({ dataDir: temp.dir }).close();
    const withNotes: Migration = { version: 2, name: 'room notes', up: (db) => db.exec('ALTER TABLE rooms ADD COLUMN notes TEXT') };
    const first = openDatabase({ dataDir: temp.dir });
    insertRoom(first.db, 'room-1');
    first.close();

    const upgraded = openDatabase({ dataDir: temp.dir, migrations: [...MIGRATIONS, withNotes] });
    try {
      expect(upgraded.appliedMigrations).toEqual([2]);
      expect(upgraded.db.prepare('SELECT id, notes FROM rooms').all()).toEqual([{ id: 'room-1', notes: null }]);
    } finally {
      upgraded.close();
    }
  });

  it('refuses a file from newer code, naming the file and both versions, and leaves it untouched', () => {
    const filePath = path.join(temp.dir, DATABASE_FILE_NAME);
    const newer = new Database(filePath);
    newer.pragma('user_version = 7');
    newer.close();
    const before = readFileSync(filePath);

    expect(() => openDatabase({ dataDir: temp.dir })).toThrow(`${filePath}: the database has schema version 7, newer than version 1 that this code knows`);
    expect(readFileSync(filePath).equals(before)).toBe(true);
  });

  it('rolls a failing migration back whole and leaves the file as it was', () => {
    const first = openDatabase({ dataDir: temp.dir });
    insertRoom(first.db, 'room-1');
    first.close();
    const filePath = path.join(temp.dir, DATABASE_FILE_NAME);
    const before = readFileSync(filePath);
    const failing: Migration = {
      version: 2,
      name: 'half done',
      up(db) {
        db.exec('CREATE TABLE scratch (id TEXT); DELETE FROM rooms;');
        throw new Error('disk on fire');
      },
    };

    expect(() => openDatabase({ dataDir: temp.dir, migrations: [...MIGRATIONS, failing] })).toThrow(
      `${filePath}: migration 2 ("half done") failed and was rolled back: disk on fire`,
    );
    expect(readFileSync(filePath).equals(before)).toBe(true);
    const after = openDatabase({ dataDir: temp.dir });
    try {
      expect(schemaVersion(after.db)).toBe(1);
      expect(tableNames(after.db)).toEqual(['decks', 'moments', 'rooms']);
      expect(after.db.prepare('SELECT id FROM rooms').all()).toEqual([{ id: 'room-1' }]);
    } finally {
      after.close();
    }
  });

  it('refuses a migration list with a gap before touching the file', () => {
    const skipping: Migration = { version: 3, name: 'skips two', up: () => undefined };
    expect(() => openDatabase({ dataDir: temp.dir, migrations: [...MIGRATIONS, skipping] })).toThrow(
      'migration "skips two" has version 3, expected 2',
    );
    expect(existsSync(path.join(temp.dir, DATABASE_FILE_NAME))).toBe(false);
  });
});
