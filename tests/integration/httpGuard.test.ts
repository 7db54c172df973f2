import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '@/lib/api/readJsonBody';
import { rawRequest, STACK_TRACE_PATTERN, type RawResponse } from '../helpers/rawHttp';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const FIVE_MB = Buffer.alloc(5 * 1024 * 1024, 'a');

function expectJsonRefusal(response: RawResponse, status: number, code: string) {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(response.body).not.toMatch(STACK_TRACE_PATTERN);
}

describe('the server refuses bad requests with a JSON 4xx before Next.js sees them', () => {
  let server: TestServer;
  let events: ReturnType<typeof makeEventsDir>;

  beforeAll(async () => {
    events = makeEventsDir([STORY_FOLDER]);
    server = await startTestServer({ eventsDir: events.dir });
  });
  afterAll(async () => {
    await server?.stop();
    events?.remove();
  });

  it.each([
    ['/api/scenarios/%', 400, 'bad_request'],
    ['/api/scenarios/%C0%AE%C0%AE%2Fetc', 400, 'bad_request'],
    ['/api/rooms/%', 400, 'bad_request'],
    ['/rooms/%', 400, 'bad_request'],
    ['/watch/%E2%82', 400, 'bad_request'],
    ['/present/..%2F..%2Fetc%2Fpasswd', 400, 'bad_request'],
    ['/api/scenarios/..', 400, 'bad_request'],
    ['/api/scenarios/%2e%2e/health', 400, 'bad_request'],
    ['/stories/a%5Cb', 400, 'bad_request'],
    ['/api/rooms/a%00b', 400, 'bad_request'],
    ['//api/health', 400, 'bad_request'],
    ['/api/health/', 400, 'bad_request'],
    [`/api/scenarios/${'x'.repeat(10_000)}`, 414, 'uri_too_long'],
    [`/rooms/${'x'.repeat(10_000)}`, 414, 'uri_too_long'],
    [`/handout/${'x'.repeat(300)}`, 414, 'uri_too_long'],
    ['/api/no-such-route', 404, 'not_found'],
    ['/no-such-page', 404, 'not_found'],
    ['/api/rooms/a/b/c/d/e', 404, 'not_found'],
  ])('GET %s is a JSON %i', async (target, status, code) => {
    expectJsonRefusal(await rawRequest(server.port, { target }), status, code);
  });

  it('keeps the answers that were right: a well-formed unknown id is the route’s own 404, a page renders', async () => {
    const scenario = await rawRequest(server.port, { target: '/api/scenarios/%3Cscript%3E' });
    expect(JSON.parse(scenario.body)).toEqual({ error: { code: 'not_found', message: 'No scenario has this id' } });
    expect((await rawRequest(server.port, { target: `/api/scenarios/${STORY_ID}?x=%zz&y=%C0%AE` })).status).toBe(200);
    expect((await rawRequest(server.port, { target: '/rooms/live' })).status).toBe(200);
  });

  it.each([
    ['POST', '/api/health', 'GET, HEAD'],
    ['DELETE', '/api/rooms', 'POST'],
    ['GET', '/api/rooms/live/deck/order', 'PUT'],
    ['POST', '/rooms/live', 'GET, HEAD'],
    ['OPTIONS', '/api/scenarios', 'GET, HEAD'],
    ['PUT', '/_next/static/x.js', 'GET, HEAD'],
  ])('%s %s is a JSON 405 with Allow: %s', async (method, target, allow) => {
    const response = await rawRequest(server.port, { method, target, headers: { 'content-type': 'application/json' }, body: '{}' });
    expectJsonRefusal(response, 405, 'method_not_allowed');
    expect(response.headers.allow).toBe(allow);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])('a body of type "%s" is a JSON 415', async (type) => {
    const response = await rawRequest(server.port, { method: 'POST', target: '/api/rooms', headers: { 'content-type': type }, body: `{"scenarioId":"${STORY_ID}"}` });
    expectJsonRefusal(response, 415, 'unsupported_media_type');
  });

  it('a chunked body within the limit reaches the route as if its length had been declared', async () => {
    const post = (scenarioId: string) =>
      rawRequest(server.port, { method: 'POST', target: '/api/rooms', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId }), chunkBytes: 8 });
    const created = await post(STORY_ID);
    expect(created.status, created.body).toBe(201);
    expect(JSON.parse(created.body)).toMatchObject({ scenarioId: STORY_ID, roomId: expect.any(String) });
    expect(JSON.parse((await post('no-such-story')).body)).toEqual({ error: { code: 'not_found', message: 'No scenario has this id' } });
  });

  it('a 5 MB body sent at full speed gets its 413 every time, never a reset, whatever else is wrong with the request', async () => {
    const targets = ['/api/rooms', '/api/health', '/api/scenarios/%C0%AE', '/no-such-page'];
    for (let i = 0; i < 20; i++) {
      const target = targets[i % targets.length] as string;
      const response = await rawRequest(server.port, { method: 'POST', target, headers: { 'content-type': 'application/json' }, body: FIVE_MB });
      expectJsonRefusal(response, 413, 'too_large');
      expect(response.headers.connection).toBe('close');
    }
  });

  it('a 5 MB chunked body sent at full speed gets its 413 every time, never a reset', async () => {
    for (let i = 0; i < 10; i++) {
      const response = await rawRequest(server.port, {
        method: 'PATCH',
        target: '/api/rooms/live/deck/moments/m1',
        headers: { 'content-type': 'application/json' },
        body: FIVE_MB,
        chunkBytes: 64 * 1024,
      });
      expectJsonRefusal(response, 413, 'too_large');
    }
  });

  it('a body just over the limit is a 413 on a page too; with Expect: 100-continue it is refused before it is sent', async () => {
    const over = Buffer.alloc(MAX_JSON_BODY_BYTES + 1, 'a');
    expectJsonRefusal(await rawRequest(server.port, { method: 'GET', target: '/stories', body: over }), 413, 'too_large');
    const expecting = await rawRequest(server.port, {
      method: 'POST',
      target: '/api/rooms',
      headers: { 'content-type': 'application/json', expect: '100-continue', 'content-length': String(FIVE_MB.length) },
    });
    expectJsonRefusal(expecting, 413, 'too_large');
  });

  it('echoes a well-formed X-Request-Id, replaces any other, and logs each refusal once at info or warn with its id', async () => {
    const kept = await rawRequest(server.port, { target: '/api/scenarios/%', headers: { 'x-request-id': 'trace-42.a' } });
    expect(kept.headers['x-request-id']).toBe('trace-42.a');
    const replaced = await rawRequest(server.port, { target: '/api/health', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(replaced.status).toBe(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const page = await rawRequest(server.port, { target: '/stories', headers: { 'x-request-id': 'page-1' } });
    expect([page.status, page.headers['x-request-id']]).toEqual([200, 'page-1']);
    const fresh = await rawRequest(server.port, { method: 'POST', target: '/api/health' });
    const id = fresh.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    for (const requestId of ['trace-42.a', id]) {
      const lines = server.logs.filter((entry) => entry.fields.requestId === requestId);
      expect(lines).toHaveLength(1);
      expect(['info', 'warn']).toContain(lines[0]?.level);
      expect(lines[0]?.message).toMatch(/^Request refused/);
    }
    expect(server.logs.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
