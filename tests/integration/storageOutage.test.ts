import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '@/bench/core/sitrepProcess';
import type { Deck } from '@/lib/decks/deckSchema';
import { freePort } from '@/scripts/lib/localServices/freePort';
import { findPostgresBin, HOW_TO_GET_POSTGRES, startLocalPostgres, type LocalPostgres } from '@/scripts/lib/localServices/postgresServer';
import { pollUntil } from '../helpers/pollUntil';
import { createRoom, type CreatedRoom } from '../helpers/replayServer';
import { STORY_FOLDER, STORY_ID, STORY_START_MS } from '../helpers/replayStory';
import { makeEventsDir, REPO_ROOT, startTestServer, type TestServer } from '../helpers/startTestServer';

const RECOVERY_TIMEOUT_MS = 30_000;
const haveBinaries = findPostgresBin() !== undefined;
if (!haveBinaries && process.env.CI) throw new Error(`The outage test needs PostgreSQL in CI: ${HOW_TO_GET_POSTGRES}`);
const describeWithPostgres = haveBinaries ? describe : describe.skip;

describe('a store that cannot be reached at start', () => {
  it('stops the server with a message naming the URL without its password, and the reason', async () => {
    const deadPort = await freePort();
    const url = `postgres://sitrep:secret-password-1@127.0.0.1:${deadPort}/sitrep`;
    const start = startServerProcess(REPO_ROOT, await freePort(), { SITREP_DATABASE_URL: url });
    const error = await start.then(
      () => undefined,
      (refused: unknown) => refused,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('exited (1) before it was ready');
    expect(message).toContain(`postgres://sitrep:***@127.0.0.1:${deadPort}/sitrep`);
    expect(message).toMatch(/cannot connect: .*ECONNREFUSED/);
    expect(message).not.toContain('secret-password-1');
  });
});

describeWithPostgres(`PostgreSQL going away under a running server${haveBinaries ? '' : ` — skipped: ${HOW_TO_GET_POSTGRES}`}`, () => {
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let postgres: LocalPostgres;
  let server: TestServer;
  let room: CreatedRoom;
  /** Errors nothing handled while the store went away (a dropped connection must be handled, never thrown). */
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    postgres = await startLocalPostgres();
    const databaseUrl = await postgres.createDatabase('outage');
    server = await startTestServer({ eventsDir: eventsDir.dir, env: { SITREP_DATABASE_URL: databaseUrl } });
    room = await createRoom(server, STORY_ID);
  });
  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    await server?.stop();
    await postgres?.stop();
    eventsDir.remove();
  });

  const deckApi = (route: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/rooms/${room.roomId}/deck${route}`, {
      ...init,
      headers: { authorization: `Bearer ${room.presenterKey}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
  const addMoment = (note: string) =>
    deckApi('/moments', { method: 'POST', body: JSON.stringify({ moment: { storyMs: STORY_START_MS, filter: { types: [], actors: [] }, chart: 'events-per-day', note } }) });

  it('answers 503 with a JSON error while it is down, then recovers with every acknowledged write kept', async () => {
    const acknowledged: string[] = [];
    for (const note of ['before-1', 'before-2']) {
      const response = await addMoment(note);
      expect(response.status).toBe(201);
      acknowledged.push(note);
    }

    await postgres.kill();

    const read = await deckApi('');
    expect(read.status).toBe(503);
    expect(read.headers.get('retry-after')).toBe('1');
    expect(await read.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
    const write = await addMoment('during');
    expect(write.status).toBe(503);
    expect(await write.json()).toMatchObject({ error: { code: 'storage_unavailable', message: expect.stringContaining('nothing was changed') } });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'degraded', storage: { engine: 'postgres', state: 'unavailable' } });
    const create = await fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: STORY_ID }) });
    expect(create.status).toBe(503);

    await postgres.start();
    await pollUntil(async () => (await deckApi('')).status === 200, 'the deck to be served again', RECOVERY_TIMEOUT_MS);

    const after = await deckApi('');
    const deck = ((await after.json()) as { deck: Deck }).deck;
    expect(deck.moments.map((moment) => moment.note)).toEqual(acknowledged);
    expect(deck.version).toBe(acknowledged.length);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toMatchObject({ status: 'ok', storage: { engine: 'postgres', state: 'ok' } });
    const again = await addMoment('after');
    expect(again.status).toBe(201);
    expect((await createRoom(server, STORY_ID)).roomId).toBeTruthy();
    expect(server.logs.some((entry) => entry.level === 'warn' && /connection to the database dropped/.test(entry.message))).toBe(true);
    expect(uncaught).toEqual([]);
  });
});
