import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STORY_BODY_BYTES } from '@/lib/api/readJsonBody';
import { rawRequest, STACK_TRACE_PATTERN, type RawResponse } from '../helpers/rawHttp';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';
import { smallStory } from '../helpers/studioStories';

const EDITOR_KEY = 'StudioEditorKeyOfThisTest_abcdefghij';
const TEN_MB = 10 * 1024 * 1024;

function refusalOf(response: RawResponse, status: number, code: string): string {
  expect(response.status, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body).not.toMatch(STACK_TRACE_PATTERN);
  const body = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe('the studio API refuses bad input with a clear message', () => {
  let server: TestServer;
  let events: ReturnType<typeof makeEventsDir>;

  beforeAll(async () => {
    events = makeEventsDir([STORY_FOLDER]);
    server = await startTestServer({ eventsDir: events.dir, env: { SITREP_EDITOR_KEY: EDITOR_KEY } });
  });
  afterAll(async () => {
    await server?.stop();
    events?.remove();
  });

  const json = { 'content-type': 'application/json' };
  const withKey = (key = EDITOR_KEY) => ({ ...json, authorization: `Bearer ${key}` });
  const put = (id: string, body: unknown, headers: Record<string, string> = withKey()) =>
    fetch(`${server.url}/api/studio/stories/${id}`, { method: 'PUT', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('reading is public; saving without the key is a 401, with a wrong key a 403', async () => {
    expect((await fetch(`${server.url}/api/studio/stories`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/studio/stories/${STORY_ID}`)).status).toBe(200);
    const without = await put('a-story', smallStory('a-story'), json);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer');
    expect(await without.json()).toEqual({ error: { code: 'unauthorized', message: 'Saving needs the editor key (Authorization: Bearer <key>)' } });
    for (const key of [`${EDITOR_KEY}x`, EDITOR_KEY.slice(0, -1), 'short']) {
      const wrong = await put('a-story', smallStory('a-story'), withKey(key));
      expect(wrong.status).toBe(403);
      expect(await wrong.json()).toEqual({ error: { code: 'forbidden', message: 'This is not the editor key' } });
    }
    expect(readdirSync(events.dir)).toEqual([STORY_ID]);
  });

  it('a 10 MB paste is a 413 that names the limit, answered at once, declared or chunked', async () => {
    const body = JSON.stringify({ ...smallStory('big-paste'), sourceText: 'a'.repeat(TEN_MB) });
    const declared = await rawRequest(server.port, { method: 'PUT', target: '/api/studio/stories/big-paste', headers: withKey(), body });
    expect(refusalOf(declared, 413, 'too_large')).toBe(`the body must be at most 2 MB (${MAX_STORY_BODY_BYTES} bytes)`);
    expect(declared.headers.connection).toBe('close');
    const chunked = await rawRequest(server.port, { method: 'PUT', target: '/api/studio/stories/big-paste', headers: withKey(), body, chunkBytes: 64 * 1024 });
    expect(refusalOf(chunked, 413, 'too_large')).toBe(`the body must be at most 2 MB (${MAX_STORY_BODY_BYTES} bytes)`);
    // Other API routes keep their 4 KB.
    const elsewhere = await rawRequest(server.port, { method: 'POST', target: '/api/rooms', headers: json, body: 'a'.repeat(5_000) });
    expect(refusalOf(elsewhere, 413, 'too_large')).toBe('the body must be at most 4096 bytes');
    expect(readdirSync(events.dir)).toEqual([STORY_ID]);
  });

  it('a long article within the limit saves (1 MB of source text)', async () => {
    const sourceText = `${smallStory('long-article').sourceText}${'More paragraphs of the article.\n'.repeat(32_000)}`;
    const response = await put('long-article', smallStory('long-article', { sourceText }));
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it('a binary file is a 422 naming the field and the reason; nothing is written', async () => {
    const nul = await put('binary-file', { ...smallStory('binary-file'), sourceText: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR' });
    expect(nul.status).toBe(422);
    const refusal = (await nul.json()) as { error: { code: string; message: string }; problems: { field: string; reason: string }[] };
    expect(refusal.error.code).toBe('invalid_story');
    expect(refusal.error.message).toMatch(/field "sourceText": holds/);
    expect(refusal.problems).toContainEqual(expect.objectContaining({ field: 'sourceText', reason: expect.stringMatching(/binary file/) }));

    // Bytes that are not UTF-8 inside the JSON string arrive as U+FFFD: the reason says the file was not UTF-8.
    const text = JSON.stringify(smallStory('latin-1-file'));
    const at = text.indexOf('"sourceText":"') + '"sourceText":"'.length;
    const raw = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20]), Buffer.from(text.slice(at))]);
    const latin1 = await rawRequest(server.port, { method: 'PUT', target: '/api/studio/stories/latin-1-file', headers: withKey(), body: raw });
    expect(latin1.status, latin1.body).toBe(422);
    expect(latin1.body).toMatch(/U\+FFFD replacement character at offset 3: the file was not UTF-8/);
    expect(readdirSync(events.dir).sort()).toEqual(['long-article', STORY_ID]);
  });

  it('a text in another script saves; its quote offsets are UTF-16 code units (after an emoji, after Cyrillic)', async () => {
    const sourceText = 'Праздник 🎉 у моста. Мэр открыл новый мост в пятницу. قال رئيس البلدية إن الجسر آمن.\n';
    const quotes = ['Мэр открыл новый мост', 'قال رئيس البلدية'];
    const response = await put('most-otkryt', smallStory('most-otkryt', { sourceText, quotes }));
    expect(response.status, await response.clone().text()).toBe(200);
    const served = (await (await fetch(`${server.url}/api/scenarios/most-otkryt`)).json()) as { events: { quote: { text: string; start: number; end: number } }[] };
    const source = (await (await fetch(`${server.url}/api/scenarios/most-otkryt/source`)).json()) as { text: string };
    expect(source.text).toBe(sourceText);
    // 🎉 is two UTF-16 code units: the Cyrillic quote starts at 21, not at its 20th code point.
    expect(served.events.map((e) => [e.quote.text, e.quote.start, e.quote.end])).toEqual([
      ['Мэр открыл новый мост', 21, 42],
      ['قال رئيس البلدية', 54, 70],
    ]);
    for (const { quote } of served.events) expect(source.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('a story id that is not a slug is a 400; a 10,000-character id is the guard’s 414', async () => {
    for (const id of ['Bridge_Opens', 'bridge--opens', '-bridge', 'мост', 'a'.repeat(121)]) {
      const response = await put(encodeURIComponent(id), smallStory('bridge-opens'));
      expect(response.status, id).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^A story id is a slug/);
    }
    expect((await fetch(`${server.url}/api/studio/stories/Not_A_Slug`)).status).toBe(400);
    const long = await rawRequest(server.port, { method: 'PUT', target: `/api/studio/stories/${'a'.repeat(10_000)}`, headers: withKey(), body: '{}' });
    refusalOf(long, 414, 'uri_too_long');
  });

  it('a body that is not JSON is a 415; malformed JSON or a body of the wrong shape a 400', async () => {
    expect((await put('a-story', 'text', { ...withKey(), 'content-type': 'text/plain' })).status).toBe(415);
    expect((await put('a-story', '{"baseVersion":', withKey())).status).toBe(400);
    const { baseVersion: _omitted, ...noBase } = smallStory('a-story');
    const shape = await put('a-story', noBase);
    expect(shape.status).toBe(400);
    expect(((await shape.json()) as { error: { message: string } }).error.message).toMatch(/baseVersion/);
  });
});

describe('without SITREP_EDITOR_KEY editing is disabled', () => {
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

  it('every save is a 403 saying the server has no editor key; reading still works', async () => {
    for (const headers of [{}, { authorization: `Bearer ${EDITOR_KEY}` }] as Record<string, string>[]) {
      const response = await fetch(`${server.url}/api/studio/stories/a-story`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(smallStory('a-story')) });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'forbidden', message: 'Editing is disabled: the server has no editor key (its operator sets SITREP_EDITOR_KEY)' } });
    }
    expect((await fetch(`${server.url}/api/studio/stories`)).status).toBe(200);
    expect(readdirSync(events.dir)).toEqual([STORY_ID]);
  });
});
