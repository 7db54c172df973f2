import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../helpers/runScript';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const EVENTS = 400;
const SEED = 5;
const STORY_ID = `synthetic-${EVENTS}-seed-${SEED}`;
const SCRIPT_TIMEOUT_MS = 60_000;

/** `npm run events:generate` writes a story folder that `events:check` accepts and the server serves like the article. */
describe('a generated story, end to end', () => {
  let eventsDir: string;
  let server: TestServer;

  beforeAll(async () => {
    eventsDir = mkdtempSync(path.join(tmpdir(), 'sitrep-generated-'));
    const generated = await runScript('events-generate.ts', ['--events', String(EVENTS), '--seed', String(SEED), '--out', path.join(eventsDir, STORY_ID)]);
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    server = await startTestServer({ eventsDir });
  }, SCRIPT_TIMEOUT_MS * 2);
  afterAll(async () => {
    await server?.stop();
    rmSync(eventsDir, { recursive: true, force: true });
  });

  it('passes events:check', async () => {
    const checked = await runScript('events-check.ts', [path.join(eventsDir, STORY_ID)]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(new RegExp(`^ok\\s+${STORY_ID}: ${EVENTS} events`, 'm'));
  }, SCRIPT_TIMEOUT_MS);

  it('is listed and served with all its events by the HTTP API', async () => {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { stories: number; refusedStories: string[] };
    expect(health).toMatchObject({ stories: 1, refusedStories: [] });
    const list = (await (await fetch(`${server.url}/api/scenarios`)).json()) as { scenarios: { id: string; eventCount: number }[] };
    expect(list.scenarios).toEqual([expect.objectContaining({ id: STORY_ID, eventCount: EVENTS })]);
    const detail = (await (await fetch(`${server.url}/api/scenarios/${STORY_ID}`)).json()) as { events: { id: string }[] };
    expect(detail.events).toHaveLength(EVENTS);
    expect(new Set(detail.events.map((e) => e.id)).size).toBe(EVENTS);
  });

  it('can be replayed in a room of its own', async () => {
    const response = await fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioId: STORY_ID }),
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ roomId: expect.any(String), presenterKey: expect.any(String), scenarioId: STORY_ID });
  });
});
