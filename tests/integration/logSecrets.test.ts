import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/rawHttp';
import { joinRoom, ReplayClient } from '../helpers/replayClient';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, REPO_ROOT } from '../helpers/startTestServer';
import { smallStory } from '../helpers/studioStories';

/** Secrets of the run: each is a valid key shape (22+ base64url characters) so that nothing refuses it for its form. */
const LIVE_KEY = 'LiveKeyOfThisRun_a1b2c3d4e5f6g7h8';
const WRONG_KEY = 'WrongKeyOfThisRun_z9y8x7w6v5u4t3s2';
const EDITOR_KEY = 'EditorKeyOfThisRun_q1w2e3r4t5y6u7i8';
/** Next.js starting on a busy machine can take a while. */
const START_TIMEOUT_MS = 60_000;

interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

/** `node server.ts` as an operator starts it, its stdout and stderr captured to a file. */
async function startServerProcess(env: Record<string, string>, dir: string): Promise<ServerProcess> {
  const logFile = path.join(dir, 'server.log');
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', SITREP_DATA_DIR: path.join(dir, 'data'), ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + START_TIMEOUT_MS;
  let url: string | undefined;
  while (!url) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${readFileSync(logFile, 'utf8')}`);
    url = /"msg":"Sitrep ready on (http:\/\/[^"]+)"/.exec(readFileSync(logFile, 'utf8'))?.[1];
    if (!url) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    url,
    port: Number(new URL(url).port),
    logFile,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('no secret reaches the log', () => {
  let dir: string;
  let events: ReturnType<typeof makeEventsDir>;
  let server: ServerProcess;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitrep-log-secrets-'));
    events = makeEventsDir([STORY_FOLDER]);
    server = await startServerProcess(
      { SITREP_EVENTS_DIR: events.dir, SITREP_PRESENTER_KEY: LIVE_KEY, SITREP_EDITOR_KEY: EDITOR_KEY, SITREP_LOG_LEVEL: 'trace' },
      dir,
    );
  });
  afterAll(async () => {
    await server?.stop();
    events?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a full run with right and wrong keys in handshakes, headers, queries and bodies logs none of them', async () => {
    const { url, port } = server;
    const json = { 'content-type': 'application/json' };

    // A room made through the API: its answer carries a key.
    const created = (await (await fetch(`${url}/api/rooms`, { method: 'POST', headers: json, body: JSON.stringify({ scenarioId: STORY_ID }) })).json()) as {
      roomId: string;
      presenterKey: string;
    };
    const secrets = [LIVE_KEY, WRONG_KEY, EDITOR_KEY, created.presenterKey];

    // Presenters with the right keys drive their rooms; a malformed control carries a key too.
    for (const [room, key] of [['live', LIVE_KEY], [created.roomId, created.presenterKey]] as const) {
      const presenter = await joinRoom(url, { room, presenterKey: key });
      expect(await presenter.control({ type: 'pause' })).toMatchObject({ ok: true });
      expect(await presenter.control({ type: 'play' })).toMatchObject({ ok: true });
      expect(await presenter.rawControl({ type: 'seek', to: key })).toMatchObject({ ok: false });
      presenter.close();
    }
    // Wrong keys, and a handshake of the wrong shape that still carries a key, are refused.
    for (const auth of [{ presenterKey: WRONG_KEY }, { presenterKey: LIVE_KEY, room: 42 }]) {
      const refused = new ReplayClient(url, { auth: (current) => ({ ...current, ...auth }) });
      await refused.waitForConnectError();
      refused.close();
    }

    // Deck edits with the key in the header (right and wrong), and a body that holds a key.
    const deck = `${url}/api/rooms/${created.roomId}/deck`;
    for (const key of [created.presenterKey, WRONG_KEY]) {
      const headers = { authorization: `Bearer ${key}`, 'x-presenter-key': key, cookie: `presenterKey=${key}`, 'x-editor-key': EDITOR_KEY };
      expect((await fetch(deck, { headers })).status).toBeLessThan(500);
      const edit = await fetch(`${deck}/moments`, { method: 'POST', headers: { ...headers, ...json }, body: JSON.stringify({ moment: { note: key } }) });
      expect(edit.status).toBeGreaterThanOrEqual(400);
      expect(edit.status).toBeLessThan(500);
    }

    // Studio saves with the editor key (right, wrong, and in a query string and a body): saved, refused, conflicting.
    const studio = `${url}/api/studio/stories/log-secrets-story`;
    const story = smallStory('log-secrets-story');
    for (const key of [EDITOR_KEY, WRONG_KEY]) {
      const saved = await fetch(`${studio}?key=${key}`, { method: 'PUT', headers: { ...json, authorization: `Bearer ${key}` }, body: JSON.stringify(story) });
      expect(saved.status).toBe(key === EDITOR_KEY ? 200 : 403);
    }
    const conflicting = await fetch(studio, { method: 'PUT', headers: { ...json, authorization: `Bearer ${EDITOR_KEY}` }, body: JSON.stringify(story) });
    expect(conflicting.status).toBe(409);
    const refusedStory = { ...story, baseVersion: null, scenario: { ...story.scenario, title: EDITOR_KEY, summary: '' } };
    const refused = await fetch(`${url}/api/studio/stories/another-story`, { method: 'PUT', headers: { ...json, authorization: `Bearer ${EDITOR_KEY}` }, body: JSON.stringify(refusedStory) });
    expect(refused.status).toBe(422);
    expect((await fetch(studio, { method: 'PUT', headers: json, body: JSON.stringify({ editorKey: EDITOR_KEY }) })).status).toBe(401);

    // Bad requests with the keys in the query, the fragment, the body and the headers.
    for (const key of secrets) {
      const headers = { authorization: `Bearer ${key}`, 'x-presenter-key': key, cookie: `k=${key}` };
      const bad = [
        await rawRequest(port, { target: `/api/scenarios/%?presenterKey=${key}`, headers }),
        await rawRequest(port, { target: `/rooms/live#key=${key}`, headers }),
        await rawRequest(port, { target: `/present/live?key=${key}&x=%C0%AE`, method: 'POST', headers }),
        await rawRequest(port, { target: `/api/rooms?key=${key}`, method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: key }),
        await rawRequest(port, { target: `/api/rooms?key=${key}`, method: 'POST', headers: { ...headers, ...json }, body: `{"presenterKey":"${key}","x":` }),
        await rawRequest(port, { target: `/api/rooms/${created.roomId}/deck/order?key=${key}`, method: 'PUT', headers: { ...headers, ...json }, body: key.repeat(300) }),
        await rawRequest(port, { target: `/api/studio/stories/log-secrets-story?key=${key}`, method: 'PUT', headers: { ...headers, ...json }, body: key.repeat(100_000) }),
        await rawRequest(port, { target: `/api/studio/stories/Not_A_Slug?key=${key}`, method: 'PUT', headers: { ...headers, ...json }, body: '{}' }),
      ];
      for (const response of bad) expect(response.status, response.body).toBeGreaterThanOrEqual(400);
      for (const response of bad) expect(response.status, response.body).toBeLessThan(500);
    }

    // The capture works: request-id'd lines are there, refusals among them, and no key was printed outside the log.
    const text = readFileSync(server.logFile, 'utf8');
    const lines = text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((line) => typeof line.requestId === 'string').length).toBeGreaterThan(20);
    expect(lines.some((line) => String(line.msg).startsWith('Request refused'))).toBe(true);
    expect(lines.some((line) => line.msg === 'Socket handshake refused')).toBe(true);
    expect(text).not.toMatch(/PRESENTER KEY/);
    for (const secret of secrets) expect(text.includes(secret), `the log holds ${secret}`).toBe(false);
  });
});

describe('a generated live key is printed once, outside the JSON log', () => {
  it('prints it on one marked line that is not a log line, and nowhere else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-log-key-'));
    const events = makeEventsDir([STORY_FOLDER]);
    const server = await startServerProcess({ SITREP_EVENTS_DIR: events.dir, SITREP_PRESENTER_KEY: '' }, dir);
    try {
      const lines = readFileSync(server.logFile, 'utf8').split('\n');
      const marked = lines.filter((line) => line.startsWith('PRESENTER KEY (not a log line)'));
      expect(marked).toHaveLength(1);
      const key = /: ([A-Za-z0-9_-]{22,})$/.exec(marked[0] ?? '')?.[1];
      expect(key).toBeDefined();
      // The printed key is the live room's: it drives the room.
      const presenter = await joinRoom(server.url, { room: 'live', presenterKey: key });
      expect(await presenter.control({ type: 'pause' })).toMatchObject({ ok: true });
      presenter.close();
      const after = readFileSync(server.logFile, 'utf8').split('\n');
      expect(after.filter((line) => line.includes(key as string))).toEqual(marked);
    } finally {
      await server.stop();
      events.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
