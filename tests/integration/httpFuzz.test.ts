import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '@/lib/decks/deckSchema';
import { APP_ROUTES, type AppRoute } from '@/lib/server/http/appRoutes';
import { pick, seededRandom } from '@/lib/synthetic/random';
import { rawRequest, STACK_TRACE_PATTERN, type RawResponse } from '../helpers/rawHttp';
import { createRoom, type CreatedRoom } from '../helpers/replayServer';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, REPO_ROOT, startTestServer, type TestServer } from '../helpers/startTestServer';
import { hostileBody, hostileTarget, type FuzzCase } from '../helpers/httpFuzzCases';

/** Fixed so that a run is reproducible; set SITREP_HTTP_FUZZ_SEED to replay another run's seed. */
const SEED = Number(process.env.SITREP_HTTP_FUZZ_SEED ?? 90_210);
const REQUESTS = 2_000;
const CONCURRENCY = 6;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Every route.ts and page.tsx under app/, as a path pattern, with the methods a route.ts exports. */
function routesInAppFolder(): { pattern: string; methods: string[] }[] {
  const appDir = path.join(REPO_ROOT, 'app');
  const files = readdirSync(appDir, { recursive: true, encoding: 'utf8' });
  return files.flatMap((file) => {
    const base = path.basename(file);
    const folder = path.dirname(file) === '.' ? '' : `/${path.dirname(file).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join('/')}`;
    if (base === 'page.tsx') return [{ pattern: folder || '/', methods: ['GET'] }];
    if (/^icon\.\w+$/.test(base) && folder === '') return [{ pattern: `/${base}`, methods: ['GET'] }];
    if (base !== 'route.ts') return [];
    const source = readFileSync(path.join(appDir, file), 'utf8');
    const methods = [...source.matchAll(/export (?:(?:async )?function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] as string);
    return [{ pattern: folder, methods }];
  });
}

function expectNoServerError(fuzz: FuzzCase, response: RawResponse) {
  const replay = `seed ${SEED}: ${fuzz.method} ${fuzz.target.slice(0, 200)} (${fuzz.label})`;
  expect(response.status, replay).toBeLessThan(500);
  expect(response.body, replay).not.toMatch(STACK_TRACE_PATTERN);
  if (fuzz.method === 'HEAD' || response.status === 304) return;
  const isApi = fuzz.target.startsWith('/api/');
  if (isApi || response.status >= 400) {
    expect(response.headers['content-type'], replay).toMatch(/^application\/json/);
    const body = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
    if (response.status >= 400) expect(typeof body.error?.code === 'string' && typeof body.error.message === 'string', replay).toBe(true);
  }
}

describe('every route survives hostile paths and bodies', () => {
  let server: TestServer;
  let events: ReturnType<typeof makeEventsDir>;
  let room: CreatedRoom;

  beforeAll(async () => {
    events = makeEventsDir([STORY_FOLDER]);
    server = await startTestServer({ eventsDir: events.dir, env: { SITREP_ROOMS_PER_MINUTE: '100000' } });
    room = await createRoom(server, STORY_ID);
  });
  afterAll(async () => {
    await server?.stop();
    events?.remove();
  });

  it('the route table lists every route.ts and page.tsx under app/, with the methods each exports', () => {
    const inApp = routesInAppFolder().sort((a, b) => a.pattern.localeCompare(b.pattern));
    const inTable = APP_ROUTES.map((r: AppRoute) => ({ pattern: r.pattern, methods: [...r.methods] })).sort((a, b) => a.pattern.localeCompare(b.pattern));
    expect(inApp.map((r) => ({ ...r, methods: r.methods.sort() }))).toEqual(inTable.map((r) => ({ ...r, methods: r.methods.sort() })));
  });

  it(`${REQUESTS} seeded hostile requests: never a 5xx or a stack trace, JSON from the API, no refused write lands`, async () => {
    console.log(`HTTP fuzz seed ${SEED} (replay with SITREP_HTTP_FUZZ_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const deckUrl = `${server.url}/api/rooms/${room.roomId}/deck`;
    const auth = { authorization: `Bearer ${room.presenterKey}` };
    const deckBefore = ((await (await fetch(deckUrl, { headers: auth })).json()) as { deck?: Deck }).deck;

    const cases: FuzzCase[] = Array.from({ length: REQUESTS }, () => {
      const route = pick(random, APP_ROUTES);
      const method = random() < 0.6 ? pick(random, route.methods) : pick(random, METHODS);
      const target = hostileTarget(random, route.pattern, { roomId: room.roomId, id: STORY_ID, momentId: 'm1' });
      const body = method === 'GET' || method === 'HEAD' ? (random() < 0.1 ? hostileBody(random) : undefined) : hostileBody(random);
      const withKey = random() < 0.5;
      return {
        method,
        target: target.target,
        label: `${target.label}; ${body?.label ?? 'no body'}${withKey ? '; with key' : ''}`,
        headers: { ...(withKey && auth), ...body?.headers },
        ...(body && { body: body.body }),
        // Some bodies go chunked, of no declared length.
        ...(body && random() < 0.15 && { chunkBytes: 1 + Math.floor(random() * 512) }),
      };
    });

    let deckWrites = 0;
    const statuses = new Map<number, number>();
    const queue = [...cases];
    const worker = async () => {
      for (let fuzz = queue.shift(); fuzz; fuzz = queue.shift()) {
        const response = await rawRequest(server.port, fuzz);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expectNoServerError(fuzz, response);
        if (fuzz.target.startsWith(`/api/rooms/${room.roomId}/deck/`) && response.status < 300 && fuzz.method !== 'GET' && fuzz.method !== 'HEAD') deckWrites++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`HTTP fuzz answers by status: ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ')}; deck writes that landed: ${deckWrites}`);

    // Still healthy, nothing logged as an error, no prototype polluted, and the deck moved only by writes that succeeded.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(server.logs.filter((entry) => entry.level === 'error')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deckAfter = ((await (await fetch(deckUrl, { headers: auth })).json()) as { deck?: Deck }).deck;
    expect(deckAfter?.version ?? 0).toBe((deckBefore?.version ?? 0) + deckWrites);
    if (deckWrites === 0) expect(deckAfter).toEqual(deckBefore);
    const roomAfter = (await (await fetch(`${server.url}/api/rooms/${room.roomId}`)).json()) as { roomId: string; scenarioId: string };
    expect(roomAfter).toMatchObject({ roomId: room.roomId, scenarioId: STORY_ID });
  });
});
