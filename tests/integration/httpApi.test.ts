import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoAt, STORY_END_MS, STORY_FOLDER, STORY_ID, STORY_IDS, STORY_START_MS } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

type Summary = { id: string; title: string; eventCount: number; span: { start: string; end: string } | null };

describe('HTTP API on the real server', () => {
  let server: TestServer;
  let events: ReturnType<typeof makeEventsDir>;

  beforeAll(async () => {
    // One valid story and one broken one: the broken story is refused, the valid one still served.
    events = makeEventsDir([STORY_FOLDER, 'tests/fixtures/stories/impossible-date']);
    server = await startTestServer({ eventsDir: events.dir });
  });
  afterAll(async () => {
    await server?.stop();
    events?.remove();
  });

  const get = (path: string) => fetch(`${server.url}${path}`);

  it('GET /api/health answers ok and lists the refused story', async () => {
    const response = await get('/api/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; stories: number; refusedStories: string[]; storage: unknown };
    expect(body.status).toBe('ok');
    expect(body.storage).toEqual({ engine: 'sqlite', state: 'ok' });
    expect(body.stories).toBe(1);
    expect(body.refusedStories).toHaveLength(1);
    expect(body.refusedStories[0]).toMatch(/impossible-date$/);
  });

  it('logs the refused story with the same message as events:check', () => {
    const errors = server.logs.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors.some((m) => /impossible-date\/events\.json:\d+:\d+: event "council-meeting" \(index 0\), field "time\.date": impossible date "2025-02-30": February 2025 has 28 days/.test(m))).toBe(true);
  });

  it('GET /api/scenarios lists id, title, event count and time span', async () => {
    const body = (await (await get('/api/scenarios')).json()) as { scenarios: Summary[] };
    expect(body.scenarios.map((s) => s.id)).toEqual([STORY_ID]);
    const [story] = body.scenarios as [Summary];
    expect(story.title).toBe('Northtown floods (a small story for replay tests)');
    expect(story.eventCount).toBe(STORY_IDS.length);
    // From the start of the first period to the end of the last ("by 14 March": the end of that day).
    expect(story.span).toEqual({ start: isoAt(STORY_START_MS), end: isoAt(STORY_END_MS) });
  });

  it('GET /api/scenarios/:id returns the scenario and its events in time order', async () => {
    const response = await get(`/api/scenarios/${STORY_ID}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { scenario: { id: string; published: string }; events: { id: string; time: { kind: string } }[] };
    expect(body.scenario.id).toBe(STORY_ID);
    expect(body.scenario.published).toBe('2025-03-14');
    // Story order, whatever the file's order: by anchor, ties to the narrower period, then to the id.
    expect(body.events.map((e) => e.id)).toEqual(STORY_IDS);
  });

  it.each(['/api/scenarios/no-such-story', '/api/scenarios/impossible-date', '/api/scenarios/%3Cscript%3E'])(
    'GET %s is a 404 with a JSON error',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No scenario has this id' } });
    },
  );
});

describe('room creation is limited per client address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SITREP_ROOMS_PER_MINUTE: '2' } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 429 once an address has created its rooms for the minute', async () => {
    const create = () =>
      fetch(`${server.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: '2025-04-putin-trump' }) });
    expect((await create()).status).toBe(201);
    expect((await create()).status).toBe(201);
    const refused = await create();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'at most 2 rooms per minute' } });
  });

  it.each([
    ['not JSON', 'text/plain', '{"scenarioId":"2025-04-putin-trump"}', 415],
    ['malformed JSON', 'application/json', '{"scenarioId":', 400],
    ['an unknown field', 'application/json', '{"scenarioId":"2025-04-putin-trump","x":1}', 400],
    ['a body over 4 KB', 'application/json', JSON.stringify({ scenarioId: 'a'.repeat(5_000) }), 413],
  ])('refuses %s', async (_name, type, body, status) => {
    const fresh = await startTestServer();
    try {
      const response = await fetch(`${fresh.url}/api/rooms`, { method: 'POST', headers: { 'content-type': type }, body });
      expect(response.status).toBe(status);
    } finally {
      await fresh.stop();
    }
  });
});
