import { type ConnectionInfo, type RoomReplayState, type SocketLike } from '@/lib/realtime/client/connectionTypes';
import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { ReplayConnection } from '@/lib/realtime/client/replayConnection';
import type { ControlAck, HandshakeAuth, SnapshotPayload } from '@/lib/realtime/protocol';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import type { ReplayClock } from '@/lib/replay/playbackMachine';

type Listener = (...args: never[]) => void;

/** A socket that records what the connection does and lets the test play the server. */
class FakeSocket implements SocketLike {
  connected = false;
  listeners = new Map<string, Listener>();
  requests: { event: string; payload: unknown }[] = [];
  answers: unknown[] = [];
  connectCalls = 0;
  reconnectDelaysMs: number[] = [];
  constructor(readonly auth: () => HandshakeAuth) {}
  connect() {
    this.connectCalls++;
  }
  disconnect() {
    this.connected = false;
  }
  reconnectAfterClose(nextDelayMs: () => number) {
    // Two attempts: the first after the close, one more after a failure.
    this.reconnectDelaysMs.push(nextDelayMs(), nextDelayMs());
  }
  on(event: string, listener: Listener) {
    this.listeners.set(event, listener);
    return this;
  }
  request(event: string, payload: unknown) {
    this.requests.push({ event, payload });
    return Promise.resolve(this.answers.shift());
  }
  fire(event: string, ...args: unknown[]) {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    (this.listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  }
}

const clock: ReplayClock = { status: 'playing', positionMs: 0, wallMs: 1_000, storySecondsPerSecond: 86_400, maxGapWallMs: 1_000, loop: true, startMs: 0, endMs: 10_000 };
const ev = (id: string) => ({ id }) as StoryEvent;
const snapshot = (seq: number, released: number, extra: Partial<SnapshotPayload> = {}): SnapshotPayload => ({
  protocol: 2,
  room: 'live',
  scenarioId: 'story',
  storyVersion: 'v1',
  seq,
  epoch: 'e1',
  clock,
  released,
  serverNowMs: 5_000,
  presentation: INITIAL_PRESENTATION,
  ...extra,
});

function setup(presenterKey?: string) {
  let socket: FakeSocket | undefined;
  const states: RoomReplayState[] = [];
  const infos: ConnectionInfo[] = [];
  /** What the connection reported of each message it folded: its seq and the reducer's status. */
  const folds: [number, string][] = [];
  const connection = new ReplayConnection(
    'live',
    presenterKey,
    (auth) => (socket = new FakeSocket(auth)),
    { state: (s) => states.push(s), info: (i) => infos.push(i), folded: (seq, status) => folds.push([seq, status]) },
    () => 4_000,
  );
  return { connection, socket: socket as unknown as FakeSocket, states, infos, folds, last: () => states[states.length - 1] };
}


describe('ReplayConnection', () => {
  it('connects at once and folds a snapshot and the messages that follow it', () => {
    const { socket, last } = setup();
    expect(socket.connectCalls).toBe(1);
    socket.fire('connect');
    socket.fire('replay:snapshot', snapshot(3, 1));
    expect(last()).toMatchObject({ seq: 3, released: 1, change: 'snapshot', scenarioId: 'story', storyVersion: 'v1', epoch: 'e1' });
    socket.fire('replay:event', { seq: 4, event: ev('b') });
    expect(last()).toMatchObject({ seq: 4, released: 2, change: 'event' });
    socket.fire('replay:clock', { seq: 5, clock: { ...clock, status: 'paused' } });
    expect(last()?.seq).toBe(5);
    expect(last()?.clock.status).toBe('paused');
    expect(last()?.change).toBe('clock');
    expect(last()?.serverOffsetMs).toBe(1_000);
    socket.fire('replay:jump', { seq: 6, clock: { ...clock, status: 'paused', positionMs: 0 }, released: 0 });
    expect(last()).toMatchObject({ seq: 6, released: 0, change: 'jump' });
  });

  it('ignores a duplicate and asks to resume on a gap', async () => {
    const { socket, last, folds } = setup();
    socket.fire('connect');
    socket.fire('replay:snapshot', snapshot(3, 1));
    socket.fire('replay:event', { seq: 3, event: ev('dup') });
    socket.answers.push({ ok: true, resent: 2, serverNowMs: 6_000 });
    socket.fire('replay:event', { seq: 5, event: ev('c') });
    expect(last()).toMatchObject({ seq: 3, released: 1 });
    expect(socket.requests).toEqual([{ event: 'replay:resume', payload: { lastSeq: 3 } }]);
    await Promise.resolve();
    socket.fire('replay:event', { seq: 4, event: ev('b') });
    socket.fire('replay:event', { seq: 5, event: ev('c') });
    expect(last()).toMatchObject({ seq: 5, released: 3 });
    expect(folds).toEqual([
      [3, 'applied'],
      [3, 'duplicate'],
      [5, 'gap'],
      [4, 'applied'],
      [5, 'applied'],
    ]);
  });

  it('sends lastSeq and epoch when it reconnects, and the presenter key when it has one', () => {
    const { socket } = setup('k'.repeat(43));
    expect(socket.auth()).toEqual({ protocol: 2, room: 'live', presenterKey: 'k'.repeat(43) });
    socket.fire('connect');
    socket.fire('replay:snapshot', snapshot(7, 1));
    socket.fire('disconnect');
    expect(socket.auth()).toEqual({ protocol: 2, room: 'live', presenterKey: 'k'.repeat(43), lastSeq: 7, epoch: 'e1' });
  });

  it('reports status changes: live, reconnecting, refused', () => {
    const { socket, infos } = setup();
    socket.fire('connect');
    expect(infos[infos.length - 1]?.status).toBe('live');
    socket.fire('disconnect');
    expect(infos[infos.length - 1]?.status).toBe('reconnecting');
    socket.fire('connect_error', new Error('not_found'));
    expect(infos[infos.length - 1]).toMatchObject({ status: 'refused', refusal: 'not_found' });
  });

  it('stops at a protocol_mismatch refusal instead of retrying', () => {
    const { socket, infos } = setup();
    socket.connected = true;
    socket.fire('connect_error', new Error('protocol_mismatch'));
    expect(infos[infos.length - 1]).toMatchObject({ status: 'refused', refusal: 'protocol_mismatch' });
    expect(socket.connected).toBe(false);
  });

  it('refuses a snapshot of an unknown protocol version', () => {
    const { socket, states, infos } = setup();
    socket.fire('connect');
    socket.fire('replay:snapshot', { ...snapshot(1, 1), protocol: 1 });
    expect(states).toHaveLength(0);
    expect(infos[infos.length - 1]).toMatchObject({ status: 'refused', refusal: 'protocol_mismatch' });
  });

  it('never sends a control while disconnected', async () => {
    const { connection, socket } = setup('k'.repeat(43));
    const refused = await connection.control({ type: 'play' });
    expect(refused.ok).toBe(false);
    expect(socket.requests).toHaveLength(0);
    socket.fire('connect');
    const ack: ControlAck = { ok: true, seq: 9 };
    socket.answers.push(ack);
    expect(await connection.control({ type: 'play' })).toEqual(ack);
    expect(socket.requests).toEqual([{ event: 'replay:control', payload: { type: 'play' } }]);
  });

  it('keeps newer state when an older snapshot of the same epoch is resent', () => {
    const { socket, last, folds } = setup();
    socket.fire('connect');
    socket.fire('replay:snapshot', snapshot(3, 1));
    socket.fire('replay:event', { seq: 4, event: ev('b') });
    socket.fire('replay:snapshot', snapshot(3, 1));
    expect(last()).toMatchObject({ seq: 4, released: 2 });
    socket.fire('replay:snapshot', snapshot(2, 5, { epoch: 'e2' }));
    expect(last()).toMatchObject({ seq: 2, released: 5, epoch: 'e2' });
    expect(folds).toEqual([
      [3, 'applied'],
      [4, 'applied'],
      [3, 'duplicate'],
      [2, 'applied'],
    ]);
  });

  it('updates the viewer count from presence messages', () => {
    const { socket, infos } = setup();
    socket.fire('room:presence', { viewers: 12 });
    expect(infos[infos.length - 1]?.viewers).toBe(12);
  });
});

describe('ReplayConnection on a server restart', () => {
  it('marks the connection as restarting, asks for a reconnect within the announced window, and clears the mark once back', () => {
    const { socket, infos } = setup();
    socket.fire('connect');
    socket.fire('replay:snapshot', snapshot(3, 1));
    socket.fire('server:restarting', { reconnectWithinMs: 4_000 });
    expect(socket.reconnectDelaysMs).toHaveLength(2);
    for (const delay of socket.reconnectDelaysMs) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(4_000);
    }
    expect(infos.at(-1)).toMatchObject({ status: 'live', serverRestarting: true });
    socket.fire('disconnect');
    expect(infos.at(-1)).toMatchObject({ status: 'reconnecting', serverRestarting: true });
    socket.fire('connect');
    expect(infos.at(-1)).toMatchObject({ status: 'live', serverRestarting: false });
  });

  it('draws every delay from the injected random source', () => {
    let socket: FakeSocket | undefined;
    const draws = [0.25, 0.75];
    new ReplayConnection('live', undefined, (auth) => (socket = new FakeSocket(auth)), { state: () => {}, info: () => {} }, () => 0, () => draws.shift() ?? 0);
    socket!.fire('server:restarting', { reconnectWithinMs: 8_000 });
    expect(socket!.reconnectDelaysMs).toEqual([2_000, 6_000]);
  });

  it('a closed connection does not reconnect', () => {
    const { connection, socket } = setup();
    socket.fire('connect');
    connection.close();
    socket.fire('server:restarting', { reconnectWithinMs: 4_000 });
    expect(socket.reconnectDelaysMs).toEqual([]);
  });
});
