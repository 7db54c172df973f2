import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, stopServerProcess, type ServerProcess } from '@/bench/core/sitrepProcess';
import type { Deck } from '@/lib/decks/deckSchema';
import { freePort } from '@/scripts/lib/localServices/freePort';
import { runDeckEditor, type AcknowledgedEdit } from '../helpers/deckEditor';
import { freshPostgresDatabase, testPostgres } from '../helpers/postgresDatabases';
import { createRoom, type CreatedRoom } from '../helpers/replayServer';
import { STORY_FOLDER, STORY_ID, STORY_START_MS } from '../helpers/replayStory';
import { makeEventsDir, REPO_ROOT } from '../helpers/startTestServer';

const EDITS_PER_SERVER = 500;
const EDITORS_PER_SERVER = 4;
const SUITE_TIMEOUT_MS = 300_000;

/** The deck the acknowledged edits make, applied in the order of the versions the server gave them. */
function replayEdits(edits: readonly AcknowledgedEdit[]): { id: string; note: string }[] {
  let moments: { id: string; note: string }[] = [];
  for (const edit of [...edits].sort((a, b) => a.version - b.version)) {
    switch (edit.kind) {
      case 'add':
        moments.push({ id: edit.momentId ?? '?', note: edit.note ?? '?' });
        break;
      case 'reorder':
        moments = [...moments.slice(1), ...moments.slice(0, 1)];
        break;
      case 'note':
        moments = moments.map((moment) => (moment.id === edit.momentId ? { ...moment, note: edit.note ?? '?' } : moment));
        break;
      case 'delete':
        moments = moments.filter((moment) => moment.id !== edit.momentId);
        break;
    }
  }
  return moments;
}

const postgres = testPostgres();
const describeWithPostgres = 'adminUrl' in postgres ? describe : describe.skip;

describeWithPostgres(`two server processes on one PostgreSQL${'missing' in postgres ? ` — skipped: ${postgres.missing}` : ''}`, () => {
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  const servers: ServerProcess[] = [];
  let room: CreatedRoom;

  beforeAll(async () => {
    if (!('adminUrl' in postgres)) return;
    const databaseUrl = await freshPostgresDatabase(postgres.adminUrl, 'two_writers');
    for (const name of ['a', 'b']) {
      servers.push(await startServerProcess(REPO_ROOT, await freePort(), { SITREP_DATABASE_URL: databaseUrl, SITREP_EVENTS_DIR: eventsDir.dir, SITREP_DATA_DIR: `/nonexistent/${name}` }));
    }
    room = await createRoom(servers[0] as ServerProcess, STORY_ID);
  }, SUITE_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all(servers.map((server) => stopServerProcess(server)));
    eventsDir.remove();
  });

  const readDeck = async (server: ServerProcess): Promise<Deck> => {
    const response = await fetch(`${server.url}/api/rooms/${room.roomId}/deck`, { headers: { authorization: `Bearer ${room.presenterKey}` } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { deck: Deck }).deck;
  };

  it('a room made through one process is found through the other at once', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    expect(await readDeck(b)).toMatchObject({ roomId: room.roomId, version: 0, moments: [] });
    const added = await fetch(`${b.url}/api/rooms/${room.roomId}/deck/moments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${room.presenterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ moment: { storyMs: STORY_START_MS, filter: { types: [], actors: [] }, chart: 'events-per-day', note: 'through b' } }),
    });
    expect(added.status).toBe(201);
    expect((await readDeck(a)).moments.map((moment) => moment.note)).toEqual(['through b']);
  });

  it(
    `2 × ${EDITS_PER_SERVER} concurrent edits lose nothing, and every refusal is a 409 naming the current version`,
    async () => {
      const [a, b] = servers as [ServerProcess, ServerProcess];
      const start = await readDeck(a);
      const editors = [a, b].flatMap((server, serverIndex) =>
        Array.from({ length: EDITORS_PER_SERVER }, (_, index) =>
          runDeckEditor({
            baseUrl: server.url,
            roomId: room.roomId,
            presenterKey: room.presenterKey,
            edits: EDITS_PER_SERVER / EDITORS_PER_SERVER,
            seed: 1_000 * (serverIndex + 1) + index,
            label: `${serverIndex === 0 ? 'a' : 'b'}${index}`,
            storyMs: STORY_START_MS,
          }),
        ),
      );
      const reports = await Promise.all(editors);
      const acknowledged = reports.flatMap((report) => report.acknowledged);
      const conflicts = reports.flatMap((report) => report.conflicts);
      expect(reports.flatMap((report) => report.unexpected)).toEqual([]);
      expect(acknowledged).toHaveLength(2 * EDITS_PER_SERVER);
      // Every version from the start to the end was given to exactly one acknowledged edit: no write overwrote another.
      const versions = acknowledged.map((edit) => edit.version).sort((x, y) => x - y);
      expect(versions).toEqual(Array.from({ length: acknowledged.length }, (_, i) => start.version + 1 + i));
      expect(conflicts.length).toBeGreaterThan(0);
      for (const conflict of conflicts) expect(conflict.currentVersion).toBeGreaterThan(start.version);

      const [throughA, throughB] = [await readDeck(a), await readDeck(b)];
      expect(throughB).toEqual(throughA);
      expect(throughA.version).toBe(start.version + acknowledged.length);
      const expected = replayEdits([...start.moments.map((moment, index) => ({ kind: 'add' as const, version: -start.moments.length + index, momentId: moment.id, note: moment.note })), ...acknowledged]);
      expect(throughA.moments.map(({ id, note }) => ({ id, note }))).toEqual(expected);
    },
    SUITE_TIMEOUT_MS,
  );
});
