import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MomentInput } from '@/lib/decks/deckSchema';
import { createDeckStore } from '@/lib/storage/deckStore';
import { openStorage, type StorageOptions } from '@/lib/storage/openStorage';
import { createRoomStore } from '@/lib/storage/roomStore';
import { freshPostgresDatabase, testPostgres } from '../helpers/postgresDatabases';
import { runScript } from '../helpers/runScript';

const postgres = testPostgres();
const CREATED_MS = Date.UTC(2026, 0, 1);
const moment = (note: string): MomentInput => ({ storyMs: Date.UTC(2025, 3, 24), eventId: null, filter: { types: ['strike'], actors: ['Russia'] }, chart: 'reported-deaths', note, title: `t-${note}` });
const digest = (key: string) => createHash('sha256').update(key).digest();
const state = { positionMs: Date.UTC(2025, 3, 24, 6), storySecondsPerSecond: 8_640, presentation: { momentId: 'm-first', eventId: null, chart: 'reported-deaths', filter: { types: [], actors: [] }, blank: false }, status: 'paused' };

/** A store with three rooms: one with a deck of moments and a saved position, one never edited, one emptied again. */
async function fillStore(options: StorageOptions): Promise<void> {
  const storage = await openStorage(options);
  try {
    const rooms = createRoomStore(storage.db);
    const decks = createDeckStore(storage.db);
    for (const id of ['room-full', 'room-untouched', 'room-emptied']) await rooms.saveRoom({ id, scenarioId: 'story-a', keyDigest: digest(id), createdAtMs: CREATED_MS });
    await rooms.saveRoomClock('room-full', JSON.stringify(state), CREATED_MS + 5);
    for (const [index, note] of ['first', 'second', 'third'].entries()) {
      const added = await decks.addMoment('room-full', moment(note), {}, CREATED_MS + index, `m-${note}`);
      expect(added.ok).toBe(true);
    }
    expect((await decks.reorderMoments('room-full', ['m-third', 'm-first', 'm-second'], {}, CREATED_MS + 10)).ok).toBe(true);
    expect((await decks.addMoment('room-emptied', moment('gone'), {}, CREATED_MS, 'm-gone')).ok).toBe(true);
    expect((await decks.deleteMoment('room-emptied', 'm-gone', {}, CREATED_MS + 1)).ok).toBe(true);
  } finally {
    await storage.close();
  }
}

const envFor = (options: StorageOptions): Record<string, string> =>
  options.databaseUrl ? { SITREP_DATABASE_URL: options.databaseUrl } : { SITREP_DATA_DIR: options.dataDir, SITREP_DATABASE_URL: '' };

/** The export without what differs between two exports of the same data (when, and from which engine). */
const contentOf = (file: string) => {
  const { exportedAtMs: _when, engine: _engine, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return rest;
};

async function roomCount(options: StorageOptions): Promise<number> {
  const storage = await openStorage(options);
  try {
    return await createRoomStore(storage.db).countRooms();
  } finally {
    await storage.close();
  }
}

describe('npm run data:export / data:import', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-transfer-'));
  const sqlite = (name: string): StorageOptions => ({ dataDir: path.join(dir, name) });
  let postgresStore: StorageOptions | undefined;

  beforeAll(async () => {
    await fillStore(sqlite('source'));
    if ('adminUrl' in postgres) postgresStore = { dataDir: '/nonexistent', databaseUrl: await freshPostgresDatabase(postgres.adminUrl, 'transfer') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports every room with its deck, position and key digest', async () => {
    const file = path.join(dir, 'from-sqlite.json');
    const exported = await runScript('data-export.ts', [file], envFor(sqlite('source')));
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toContain('Exported 3 rooms and 3 moments');
    const data = contentOf(file) as { rooms: { id: string; state: unknown; keyDigest: string; deck: { version: number; moments: { id: string }[] } }[] };
    expect(data.rooms.map((room) => room.id).sort()).toEqual(['room-emptied', 'room-full', 'room-untouched']);
    const full = data.rooms.find((room) => room.id === 'room-full');
    expect(full?.state).toEqual(state);
    expect(full?.keyDigest).toBe(digest('room-full').toString('base64'));
    expect(full?.deck.version).toBe(4);
    expect(full?.deck.moments.map((m) => m.id)).toEqual(['m-third', 'm-first', 'm-second']);
    expect(data.rooms.find((room) => room.id === 'room-emptied')?.deck).toMatchObject({ version: 2, moments: [] });
    expect(data.rooms.find((room) => room.id === 'room-untouched')?.deck).toMatchObject({ version: 0, moments: [] });
  });

  it('refuses to overwrite an existing file', async () => {
    const file = path.join(dir, 'taken.json');
    writeFileSync(file, 'keep me');
    const exported = await runScript('data-export.ts', [file], envFor(sqlite('source')));
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain(`${file}: already exists`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  const engines = [
    ['SQLite', () => sqlite('target')],
    ['PostgreSQL', () => postgresStore],
  ] as const;
  for (const [name, target] of engines) {
    const title = `round-trips through ${name}: import, then export again, gives the same rooms and decks`;
    const skip = name === 'PostgreSQL' && 'missing' in postgres ? `${title} — skipped: ${postgres.missing}` : undefined;
    (skip ? it.skip : it)(skip ?? title, async () => {
      const store = target();
      if (!store) throw new Error('no store');
      const source = path.join(dir, 'from-sqlite.json');
      const imported = await runScript('data-import.ts', [source], envFor(store));
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toContain('Imported 3 rooms and 3 moments');
      const back = path.join(dir, `back-from-${name}.json`);
      expect((await runScript('data-export.ts', [back], envFor(store))).code).toBe(0);
      expect(contentOf(back)).toEqual(contentOf(source));

      // Importing again would add rooms already there: refused whole, nothing written.
      const before = await roomCount(store);
      const again = await runScript('data-import.ts', [source], envFor(store));
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('the store already holds rooms "room-emptied", "room-full", "room-untouched": nothing was imported');
      expect(await roomCount(store)).toBe(before);
    });
  }

  it('imports nothing when the store refuses one row: the whole file is one transaction', async () => {
    const store = sqlite('partial');
    const file = path.join(dir, 'one-taken.json');
    const data = JSON.parse(readFileSync(path.join(dir, 'from-sqlite.json'), 'utf8')) as { rooms: { id: string }[] };
    writeFileSync(file, JSON.stringify(data));
    // The store already has the last room of the file (and only that one).
    const storage = await openStorage(store);
    await createRoomStore(storage.db).saveRoom({ id: 'room-untouched', scenarioId: 'other', keyDigest: digest('x'), createdAtMs: CREATED_MS });
    await storage.close();
    const imported = await runScript('data-import.ts', [file], envFor(store));
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('"room-untouched"');
    expect(await roomCount(store)).toBe(1);
  });

  it('names the file, the field and the reason of a bad file, and imports nothing', async () => {
    const store = sqlite('bad-file');
    const file = path.join(dir, 'bad.json');
    const data = JSON.parse(readFileSync(path.join(dir, 'from-sqlite.json'), 'utf8')) as { rooms: { deck: { moments: { note: string }[] } }[] };
    const full = data.rooms.find((room) => room.deck.moments.length > 0);
    if (!full?.deck.moments[0]) throw new Error('fixture');
    full.deck.moments[0].note = 'x'.repeat(5_000);
    writeFileSync(file, JSON.stringify(data));
    const imported = await runScript('data-import.ts', [file], envFor(store));
    expect(imported.code).toBe(1);
    const index = data.rooms.indexOf(full);
    expect(imported.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: rooms\\[${index}\\]\\.deck\\.moments\\[0\\]\\.note: .*4000`));
    expect(imported.stderr).toContain('Nothing was imported');
    expect(await roomCount(store)).toBe(0);
  });
});
