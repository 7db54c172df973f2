import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLIENT_FRAME_BYTES, type SnapshotPayload } from '@/lib/realtime/protocol';
import { ManualClock } from '@/lib/replay/manualClock';
import { joinRoom, ReplayClient, seqRange, seqsOf, type ReplayClientOptions } from '../helpers/replayClient';
import { healthStatus, serverRoom } from '../helpers/replayServer';
import { DAY_PER_SECOND, firstIds, isoAt, MAX_GAP_WALL_MS, STORY_END_MS, STORY_FOLDER, STORY_START_MS } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

const T0 = Date.UTC(2026, 0, 1);
const PRESENTER_KEY = 'malformed-test-presenter-key-0123456789abcd';
const CONTROLS_PER_SECOND = 3;
const ALLOWED_ORIGIN = 'https://allowed.example';
/** A seek target inside the story: a seek there would move the room. */
const IN_STORY = '2025-03-06T00:00:00Z';
/** Replay time that releases three events: the two tied on 3 March at 1 s, 4 March at 2 s. */
const ADVANCE_MS = 2_200;

/** `{ a: { a: ... { a: leaf } } }`, `depth` levels deep. */
function nested(depth: number, leaf: unknown = 1): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The status of a plain HTTP request to Socket.IO's polling handshake with the given Origin. */
function pollingHandshakeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/socket.io/?EIO=4&transport=polling`, { headers: origin === undefined ? {} : { origin } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Answer to a raw WebSocket upgrade request for Socket.IO with the given Origin: upgraded, or the HTTP refusal. */
function upgradeAnswer(url: string, origin: string | undefined): Promise<{ upgraded: boolean; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/socket.io/?EIO=4&transport=websocket`, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': Buffer.from('0123456789abcdef').toString('base64'),
        ...(origin !== undefined && { origin }),
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ upgraded: true, status: res.statusCode ?? 0, body: '' });
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ upgraded: false, status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

type Case = [label: string, args: unknown[], code: string, message?: RegExp];

const invalid = 'invalid_payload';

/** Arguments of `replay:control` (before the ack callback) and the error code they must get. */
const CONTROL_CASES: Case[] = [
  ['no payload at all', [], invalid],
  ['null', [null], invalid],
  ['a string', ['play'], invalid],
  ['a number', [42], invalid],
  ['true', [true], invalid],
  ['an empty array', [[]], invalid],
  ['an array holding a valid control', [[{ type: 'play' }]], invalid],
  ['binary data', [Buffer.from('{"type":"play"}')], invalid],
  ['an empty object (no type)', [{}], invalid],
  ['type null', [{ type: null }], invalid],
  ['an unknown type', [{ type: 'rewind' }], invalid, /^type: /],
  ['a type in the wrong case', [{ type: 'PLAY' }], invalid],
  ['an extra field on play', [{ type: 'play', force: true }], invalid],
  ['an extra field on seek', [{ type: 'seek', to: IN_STORY, by: 'me' }], invalid],
  ['seek without to', [{ type: 'seek' }], invalid, /^to: /],
  ['seek to a number', [{ type: 'seek', to: Date.UTC(2025, 2, 6) }], invalid, /^to: /],
  ['seek to a word', [{ type: 'seek', to: 'yesterday' }], invalid, /^to: /],
  ['seek to a date without time', [{ type: 'seek', to: '2025-03-06' }], invalid, /^to: /],
  ['seek to an instant without offset', [{ type: 'seek', to: '2025-03-06T00:00:00' }], invalid, /^to: /],
  ['seek to an impossible date', [{ type: 'seek', to: '2025-02-30T00:00:00Z' }], invalid, /^to: /],
  ['seek to a huge string under 64 KB', [{ type: 'seek', to: 'x'.repeat(60_000) }], invalid, /^to: /],
  ['seek before the story', [{ type: 'seek', to: isoAt(STORY_START_MS - 1) }], 'out_of_range'],
  ['seek after the story', [{ type: 'seek', to: isoAt(STORY_END_MS + 1) }], 'out_of_range'],
  ['rate 0', [{ type: 'rate', storySecondsPerSecond: 0 }], 'out_of_range'],
  ['rate -1', [{ type: 'rate', storySecondsPerSecond: -1 }], 'out_of_range'],
  ['rate 0.5', [{ type: 'rate', storySecondsPerSecond: 0.5 }], 'out_of_range'],
  ['rate 31536001', [{ type: 'rate', storySecondsPerSecond: 31_536_001 }], 'out_of_range'],
  ['rate NaN (sent as null)', [{ type: 'rate', storySecondsPerSecond: Number.NaN }], invalid, /^storySecondsPerSecond: /],
  ['rate Infinity (sent as null)', [{ type: 'rate', storySecondsPerSecond: Number.POSITIVE_INFINITY }], invalid, /^storySecondsPerSecond: /],
  ['rate as a string', [{ type: 'rate', storySecondsPerSecond: '86400' }], invalid, /^storySecondsPerSecond: /],
  ['rate missing', [{ type: 'rate' }], invalid],
  ['step sideways', [{ type: 'step', direction: 'sideways' }], invalid, /^direction: /],
  ['step without direction', [{ type: 'step' }], invalid],
  ['an empty commandId', [{ type: 'play', commandId: '' }], invalid, /^commandId: /],
  ['a commandId of 65 characters', [{ type: 'play', commandId: 'c'.repeat(65) }], invalid, /^commandId: /],
  ['a numeric commandId', [{ type: 'play', commandId: 7 }], invalid, /^commandId: /],
  ['a deeply nested commandId', [{ type: 'play', commandId: nested(1_000) }], invalid, /^commandId: /],
  ['a deeply nested payload', [nested(2_000)], invalid],
  ['a deeply nested array', [nestedArray(2_000)], invalid],
  ['step previous at the first event', [{ type: 'step', direction: 'previous' }], 'no_event'],
];

/** Arguments of `replay:resume` (before the ack callback); every one is answered invalid_payload. */
const RESUME_CASES: Case[] = [
  ['no payload at all', [], invalid],
  ['null', [null], invalid],
  ['a number', [3], invalid],
  ['a string', ['x'], invalid],
  ['an array', [[0]], invalid],
  ['an empty object', [{}], invalid, /^lastSeq: /],
  ['a negative lastSeq', [{ lastSeq: -1 }], invalid, /^lastSeq: /],
  ['lastSeq as a string', [{ lastSeq: '0' }], invalid, /^lastSeq: /],
  ['a fractional lastSeq', [{ lastSeq: 1.5 }], invalid, /^lastSeq: /],
  ['lastSeq NaN (sent as null)', [{ lastSeq: Number.NaN }], invalid, /^lastSeq: /],
  ['lastSeq Infinity (sent as null)', [{ lastSeq: Number.POSITIVE_INFINITY }], invalid, /^lastSeq: /],
  ['lastSeq beyond safe integers', [{ lastSeq: 2 ** 60 }], invalid, /^lastSeq: /],
  ['an extra field', [{ lastSeq: 0, epoch: 'x' }], invalid],
  ['a deeply nested lastSeq', [{ lastSeq: nested(1_000) }], invalid, /^lastSeq: /],
  ['a huge string under 64 KB', [{ lastSeq: '9'.repeat(60_000) }], invalid, /^lastSeq: /],
];

describe('malformed input on the real server', () => {
  const clock = new ManualClock(T0);
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  /** A viewer of the live room that must see none of the refused input. */
  let observer: ReplayClient;
  const clients: ReplayClient[] = [];
  const open = async (options: ReplayClientOptions = {}) => {
    const client = await joinRoom(server.url, options);
    clients.push(client);
    return client;
  };
  const live = () => serverRoom(server, 'live');

  beforeAll(async () => {
    expect(PRESENTER_KEY).toHaveLength(43);
    server = await startTestServer({
      clock,
      eventsDir: eventsDir.dir,
      env: {
        SITREP_LIVE_RATE: String(DAY_PER_SECOND),
        SITREP_MAX_GAP_MS: String(MAX_GAP_WALL_MS),
        SITREP_PRESENTER_KEY: PRESENTER_KEY,
        SITREP_CONTROLS_PER_SECOND: String(CONTROLS_PER_SECOND),
        SITREP_ALLOWED_ORIGINS: ALLOWED_ORIGIN,
      },
    });
    observer = await open();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  /** Checks that the live room is exactly as it was at T0 and that the observer got nothing after its snapshot. */
  async function expectRoomUntouched() {
    expect(clock.now()).toBe(T0);
    expect(live().lastSeq).toBe(0);
    const { clock: replayClock, released } = live().snapshot();
    expect(replayClock).toMatchObject({ status: 'playing', positionMs: STORY_START_MS, wallMs: T0, storySecondsPerSecond: DAY_PER_SECOND });
    expect(released).toBe(1);
    // Anything sent to the observer before this answer would have arrived before it.
    expect(await observer.resume(0)).toEqual({ ok: true, resent: 0, serverNowMs: T0 });
    expect(observer.received.map((m) => [m.name, m.seq])).toEqual([['replay:snapshot', 0]]);
    expect(observer.state?.clock).toEqual(replayClock);
  }

  it('has at least 20 distinct malformed payloads for each message', () => {
    // As they go over the wire (NaN and Infinity both become null in JSON, so those two count once).
    const distinct = (cases: Case[]) => new Set(cases.map((c) => JSON.stringify(c[1]))).size;
    expect(distinct(CONTROL_CASES)).toBeGreaterThanOrEqual(20);
    expect(distinct(RESUME_CASES)).toBeGreaterThanOrEqual(12);
    expect(new Set(CONTROL_CASES.map((c) => c[0])).size).toBe(CONTROL_CASES.length);
    expect(new Set(RESUME_CASES.map((c) => c[0])).size).toBe(RESUME_CASES.length);
  });

  it.each(CONTROL_CASES)('replay:control with %s is answered {ok: false} and changes nothing', async (_label, args, code, message) => {
    // A fresh presenter each time: the per-socket control limit is low in this file.
    const presenter = await open({ presenterKey: PRESENTER_KEY });
    const answer = await presenter.request('replay:control', args);
    expect(answer).toEqual({ ok: false, error: { code, message: expect.stringMatching(message ?? /\S/) } });
    presenter.close();
    await expectRoomUntouched();
  });

  it('a viewer sending malformed controls gets invalid_payload too (the shape is checked first)', async () => {
    const viewer = await open();
    expect(await viewer.rawControl({ type: 'nope' })).toEqual({ ok: false, error: { code: 'invalid_payload', message: expect.stringMatching(/^type: /) } });
    expect(await viewer.control({ type: 'play' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'only the presenter can control this room' } });
    viewer.close();
    await expectRoomUntouched();
  });

  it.each(RESUME_CASES)('replay:resume with %s is answered invalid_payload and resends nothing', async (_label, args, code, message) => {
    const answer = await observer.request('replay:resume', args);
    expect(answer).toEqual({ ok: false, error: { code, message: expect.stringMatching(message ?? /\S/) } });
    await expectRoomUntouched();
  });

  it('ignores a control sent without an acknowledgement callback', async () => {
    const presenter = await open({ presenterKey: PRESENTER_KEY });
    presenter.emitRaw('replay:control', { type: 'pause' });
    presenter.emitRaw('replay:control', { type: 'seek', to: IN_STORY });
    // Handled in order: by the time this is answered, the two above have been handled (and ignored).
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 0 });
    // They did not use up the socket's control budget either: two more fit in this second.
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 0 });
    expect(await presenter.control({ type: 'play' })).toEqual({ ok: true, seq: 0 });
    presenter.close();
    await expectRoomUntouched();
  });

  it('answers an unknown event sent with a callback unknown_event (a client awaiting it does not hang), and ignores one sent without', async () => {
    const unknown = { ok: false, error: { code: 'unknown_event', message: 'the server handles only replay:control and replay:resume' } };
    const viewer = await open();
    const presenter = await open({ presenterKey: PRESENTER_KEY });
    for (const client of [viewer, presenter]) {
      for (const name of ['replay:Control', 'replay:snapshot', 'error', '__proto__', 'constructor', '']) {
        expect({ name, answer: await client.request(name, [{ type: 'pause' }], 5_000) }).toEqual({ name, answer: unknown });
      }
      expect(await client.request('replay:seek', [], 5_000)).toEqual(unknown);
      client.emitRaw('replay:pause', { type: 'pause' });
      expect(client.socket.connected).toBe(true);
    }
    viewer.close();
    presenter.close();
    await expectRoomUntouched();
  });

  it(`answers rate_limited beyond ${CONTROLS_PER_SECOND} controls per second on one socket`, async () => {
    const presenter = await open({ presenterKey: PRESENTER_KEY });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => presenter.control(i === 7 ? { type: 'seek', to: IN_STORY } : { type: 'play' })),
    );
    const limited = { ok: false, error: { code: 'rate_limited', message: `at most ${CONTROLS_PER_SECOND} controls per second` } };
    expect(answers).toEqual([{ ok: true, seq: 0 }, { ok: true, seq: 0 }, { ok: true, seq: 0 }, limited, limited, limited, limited, limited]);
    // The limit is per socket: another presenter is not limited.
    const other = await open({ presenterKey: PRESENTER_KEY });
    expect(await other.control({ type: 'play' })).toEqual({ ok: true, seq: 0 });
    presenter.close();
    other.close();
    await expectRoomUntouched();
  });

  it('refuses a malformed handshake auth with connect_error invalid_handshake', async () => {
    const badAuths: unknown[] = [
      { lastSeq: 'x' },
      { lastSeq: -1 },
      { lastSeq: 1.5 },
      { room: '' },
      { room: 'live room' },
      { room: 'r'.repeat(65) },
      { room: 42 },
      { room: ['live'] },
      { presenterKey: '' },
      { presenterKey: 'k'.repeat(257) },
      { presenterKey: 12345 },
      { epoch: '' },
      { epoch: 'e'.repeat(65) },
      { room: 'live', lastSeq: 3, epoch: { nested: true } },
    ];
    for (const bad of badAuths) {
      const auth = { protocol: 2, ...(bad as object) };
      const client = new ReplayClient(server.url, { auth: () => auth });
      clients.push(client);
      const error = await client.waitForConnectError();
      expect({ auth, message: error.message }).toEqual({ auth, message: 'invalid_handshake' });
      // The app's connection takes it as final: refused, not retrying.
      expect(client.info).toMatchObject({ status: 'refused', refusal: 'invalid_handshake' });
      expect(client.received).toEqual([]);
      client.close();
    }
    await expectRoomUntouched();
  });

  it('refuses a client of another protocol version with connect_error protocol_mismatch, whatever else it sends', async () => {
    const otherVersions: unknown[] = [
      // A client of protocol 1 names no version.
      {},
      { room: 'live' },
      { room: 'live', lastSeq: 3, epoch: 'e' },
      { presenterKey: PRESENTER_KEY },
      { protocol: 1, room: 'live' },
      { protocol: 3 },
      { protocol: '2' },
      { protocol: null },
      // Even a malformed one hears about the version first: that is what it must fix.
      { protocol: 1, room: 42 },
    ];
    for (const auth of otherVersions) {
      const client = new ReplayClient(server.url, { auth: () => auth });
      clients.push(client);
      const error = await client.waitForConnectError();
      expect({ auth, message: error.message }).toEqual({ auth, message: 'protocol_mismatch' });
      expect(client.info).toMatchObject({ status: 'refused', refusal: 'protocol_mismatch' });
      expect(client.received).toEqual([]);
      client.close();
    }
    await expectRoomUntouched();
  });

  it('refuses a WebSocket from an origin outside the allowlist, accepts the allowed origin and no origin', async () => {
    const refused = new ReplayClient(server.url, { extraHeaders: { origin: 'https://evil.example' } });
    clients.push(refused);
    const error = await refused.waitForConnectError();
    expect(error.message).toBe('websocket error');
    // Not a refusal the app's connection knows: it counts itself offline (in the app, Socket.IO would retry).
    expect(refused.info).toMatchObject({ status: 'offline', refusal: null });
    // The upgrade is refused over HTTP before any Socket.IO handshake. engine.io answers every refused upgrade
    // 400 (its body says Forbidden), although docs/protocol.md says 403; polling gets the 403 (checked below).
    expect((error as Error & { description?: { message?: string } }).description?.message).toMatch(/^Unexpected server response: 40[03]$/);
    expect(await upgradeAnswer(server.url, 'https://evil.example')).toMatchObject({ upgraded: false, body: 'Forbidden' });
    expect(await upgradeAnswer(server.url, ALLOWED_ORIGIN)).toMatchObject({ upgraded: true });
    expect(await upgradeAnswer(server.url, undefined)).toMatchObject({ upgraded: true });
    expect(refused.received).toEqual([]);
    refused.close();

    // The same-origin default does not apply once an allowlist is set: the server's own origin is refused too.
    const sameHost = new ReplayClient(server.url, { extraHeaders: { origin: server.url } });
    clients.push(sameHost);
    await sameHost.waitForConnectError();
    expect(sameHost.received).toEqual([]);
    sameHost.close();

    expect(await pollingHandshakeStatus(server.url, 'https://evil.example')).toBe(403);
    expect(await pollingHandshakeStatus(server.url, `${ALLOWED_ORIGIN}.evil.example`)).toBe(403);
    expect(await pollingHandshakeStatus(server.url, ALLOWED_ORIGIN)).toBe(200);
    expect(await pollingHandshakeStatus(server.url, undefined)).toBe(200);

    const allowed = await open({ extraHeaders: { origin: ALLOWED_ORIGIN } });
    expect(allowed.snapshots[0]).toMatchObject({ room: 'live', seq: 0 });
    const noOrigin = await open();
    expect(noOrigin.snapshots[0]).toMatchObject({ room: 'live', seq: 0 });
    allowed.close();
    noOrigin.close();
    await expectRoomUntouched();
  });

  it('closes only the connection that sends a frame over 64 KB; the others keep receiving', async () => {
    const bystander = await open();
    const offender = await open({ presenterKey: PRESENTER_KEY });
    const big = 'x'.repeat(MAX_CLIENT_FRAME_BYTES + 1_000);
    // Never answered: the connection is closed instead.
    const answer = offender.request('replay:control', [{ type: 'seek', to: big }], 20_000).then(
      () => 'answered',
      (error: Error) => error.message,
    );
    const reason = await offender.waitForDisconnect();
    expect(reason).toMatch(/^transport (close|error)$/);
    expect(await answer).toBe('socket has been disconnected');
    await expectRoomUntouched();

    // The others still get the stream: three events released.
    clock.advance(ADVANCE_MS);
    expect(live().lastSeq).toBe(3);
    for (const client of [observer, bystander]) {
      await client.waitForSeq(3);
      expect(client.eventIds).toEqual(firstIds(4));
      expect(client.socket.connected).toBe(true);
    }
    expect(seqsOf(observer.received)).toEqual(seqRange(0, 3));
    expect(await healthStatus(server)).toBe(200);
  }, 30_000);

  it('closes only the connection that sends a frame that is not a Socket.IO packet; a client "error" event changes nothing', async () => {
    const bystander = await open();
    const garbler = await open({ presenterKey: PRESENTER_KEY });
    garbler.sendFrame('42["replay:control",{"type":"pause"');
    expect(await garbler.waitForDisconnect()).toMatch(/^transport (close|error)$/);
    const unknownPacket = await open({ presenterKey: PRESENTER_KEY });
    unknownPacket.sendFrame('9["replay:control",{"type":"pause"}]');
    expect(await unknownPacket.waitForDisconnect()).toMatch(/^transport (close|error)$/);

    // "error" is an event name Socket.IO uses itself on the server: a client sending it must not hurt.
    const erring = await open({ presenterKey: PRESENTER_KEY });
    erring.emitRaw('error', { type: 'pause' });
    expect(await erring.control({ type: 'play' })).toEqual({ ok: true, seq: 3 });
    expect(erring.socket.connected).toBe(true);

    expect(live().lastSeq).toBe(3);
    expect(live().snapshot().clock.status).toBe('playing');
    expect(await bystander.resume(3)).toEqual({ ok: true, resent: 0, serverNowMs: T0 + ADVANCE_MS });
    expect(bystander.socket.connected).toBe(true);
    expect(await healthStatus(server)).toBe(200);
  });

  it('still serves afterwards: health 200, a new client gets a snapshot, no handler failed', async () => {
    expect(await healthStatus(server)).toBe(200);
    const fresh = await open();
    const snapshot = fresh.snapshots[0] as SnapshotPayload;
    expect(snapshot).toMatchObject({ protocol: 2, room: 'live', seq: 3, released: 4, serverNowMs: T0 + ADVANCE_MS });
    // Presenter controls still work on a fresh socket.
    const presenter = await open({ presenterKey: PRESENTER_KEY });
    expect(await presenter.control({ type: 'pause' })).toEqual({ ok: true, seq: 4 });
    await fresh.waitForSeq(4);
    expect(fresh.state?.clock.status).toBe('paused');
    expect(server.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});
