import { io, type Socket } from 'socket.io-client';
import type { StoryEvent } from '@/lib/events/schema';
import {
  PROTOCOL_VERSION,
  type ClientToServerEvents,
  type ClockPayload,
  type ControlAck,
  type EventPayload,
  type HandshakeAuth,
  type JumpPayload,
  type PresencePayload,
  type PresentationPayload,
  type ResumeAck,
  type ServerToClientEvents,
  type SnapshotPayload,
} from '@/lib/realtime/protocol';
import type { ReplayMessage } from '@/lib/replay/replayMessages';
import { applyReplayMessage, applySnapshot, type ApplyResult, type StreamState } from '@/lib/replay/streamReducer';

/** Generous: Socket.IO networking runs on real time even when the replay runs on a ManualClock. */
export const WAIT_MS = 20_000;

export type NumberedEventName = 'replay:snapshot' | 'replay:event' | 'replay:clock' | 'replay:jump' | 'replay:presentation';
type NumberedPayload = SnapshotPayload | EventPayload | ClockPayload | JumpPayload | PresentationPayload;

/** One numbered message as it arrived, with what the reducer made of it. */
export interface RawMessage {
  name: NumberedEventName;
  seq: number;
  payload: NumberedPayload;
  /** Which connection of this client received it (1 for the first connect, 2 after the first reconnect, ...). */
  connection: number;
  status: ApplyResult['status'];
}

export interface ReplayClientOptions {
  room?: string;
  presenterKey?: string;
  /** Reconnect automatically (Socket.IO's manager); off by default so that tests decide when to reconnect. */
  reconnection?: boolean;
  /** Sent as HTTP headers of the WebSocket upgrade (Node only), e.g. `{ origin: 'https://x.example' }`. */
  extraHeaders?: Record<string, string>;
  /**
   * Replaces the handshake `auth` built from the client's state. Given the auth the client would send, returns
   * what it sends instead (any value, to test malformed handshakes).
   */
  auth?: (current: HandshakeAuth) => unknown;
  /** Ask `replay:resume` when the reducer reports a gap (default true). */
  resumeOnGap?: boolean;
  /** Start connecting at once (default true). */
  autoConnect?: boolean;
}

type Waiter = { check: () => boolean; resolve: () => void };

/** Numbered messages as the reducer wants them. */
function toReplayMessage(name: Exclude<NumberedEventName, 'replay:snapshot'>, payload: NumberedPayload): ReplayMessage {
  switch (name) {
    case 'replay:event': {
      const p = payload as EventPayload;
      return { kind: 'event', seq: p.seq, event: p.event };
    }
    case 'replay:clock': {
      const p = payload as ClockPayload;
      return { kind: 'clock', seq: p.seq, clock: p.clock };
    }
    case 'replay:jump': {
      const p = payload as JumpPayload;
      return { kind: 'jump', seq: p.seq, clock: p.clock, released: p.released };
    }
    case 'replay:presentation': {
      const p = payload as PresentationPayload;
      return { kind: 'presentation', seq: p.seq, presentation: p.presentation };
    }
  }
}

/**
 * A test client of the replay protocol: folds every numbered message with the app's reducer, records every raw
 * message and the size of every frame it receives, loads the room's story once per version (as a screen does),
 * resumes on a gap, and offers waits on state (never on time).
 */
export class ReplayClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: StreamState | undefined;
  /** The events of the room's story at the version of the last snapshot, once loaded. */
  story: readonly StoryEvent[] | undefined;
  private storyVersion: string | undefined;
  /** Bytes of every Socket.IO frame received (the WebSocket message payloads), in order. */
  readonly frameBytes: number[] = [];
  /** The epoch of the last snapshot. */
  epoch: string | undefined;
  readonly received: RawMessage[] = [];
  readonly snapshots: SnapshotPayload[] = [];
  readonly presence: PresencePayload[] = [];
  readonly connectErrors: Error[] = [];
  readonly disconnectReasons: string[] = [];
  /** The auth objects sent at each handshake. */
  readonly handshakes: unknown[] = [];
  /** Answers to the resumes this client sent by itself on a gap. */
  readonly autoResumes: ResumeAck[] = [];
  connections = 0;
  private waiters: Waiter[] = [];
  private resuming = false;

  constructor(
    readonly url: string,
    readonly options: ReplayClientOptions = {},
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
      autoConnect: false,
      ...(options.extraHeaders && { extraHeaders: options.extraHeaders }),
      auth: (callback: (data: object) => void) => {
        const current = this.currentAuth();
        const sent = options.auth ? options.auth(current) : current;
        this.handshakes.push(sent);
        callback(sent as object);
      },
    });
    this.socket.on('connect', () => {
      this.connections++;
      this.notify();
    });
    this.socket.on('disconnect', (reason) => {
      this.disconnectReasons.push(reason);
      this.notify();
    });
    this.socket.on('connect_error', (error) => {
      this.connectErrors.push(error);
      this.notify();
    });
    this.socket.on('replay:snapshot', (payload) => this.onNumbered('replay:snapshot', payload));
    this.socket.on('replay:event', (payload) => this.onNumbered('replay:event', payload));
    this.socket.on('replay:clock', (payload) => this.onNumbered('replay:clock', payload));
    this.socket.on('replay:jump', (payload) => this.onNumbered('replay:jump', payload));
    this.socket.on('replay:presentation', (payload) => this.onNumbered('replay:presentation', payload));
    this.socket.on('room:presence', (payload) => {
      this.presence.push(payload);
      this.notify();
    });
    this.socket.io.on('open', () => {
      this.socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
        // A WebSocket message is the packet type's digit followed by its data.
        if (packet.type === 'message') this.frameBytes.push(1 + Buffer.byteLength(String(packet.data ?? '')));
      });
    });
    if (options.autoConnect ?? true) this.socket.connect();
  }

  /** Bytes received in frames from the `from`-th frame on (see `frameBytes`). */
  bytesSince(from: number): number {
    return this.frameBytes.slice(from).reduce((sum, bytes) => sum + bytes, 0);
  }

  /** The auth this client sends: its room and key, plus `lastSeq`/`epoch` once it has state. */
  currentAuth(): HandshakeAuth {
    return {
      protocol: PROTOCOL_VERSION,
      ...(this.options.room !== undefined && { room: this.options.room }),
      ...(this.options.presenterKey !== undefined && { presenterKey: this.options.presenterKey }),
      ...(this.state && { lastSeq: this.state.seq }),
      ...(this.epoch !== undefined && { epoch: this.epoch }),
    };
  }

  /** The ids of the released events, in story order (empty until the story is loaded). */
  get eventIds(): string[] {
    return (this.story ?? []).slice(0, this.state?.released ?? 0).map((e) => e.id);
  }

  get seq(): number | undefined {
    return this.state?.seq;
  }

  /** Raw numbered messages received on connection `n`. */
  receivedOn(connection: number): RawMessage[] {
    return this.received.filter((m) => m.connection === connection);
  }

  private onNumbered(name: NumberedEventName, payload: NumberedPayload): void {
    const result = name === 'replay:snapshot' ? applySnapshot(this.state, payload as SnapshotPayload) : applyReplayMessage(this.state, toReplayMessage(name, payload));
    this.received.push({ name, seq: payload.seq, payload, connection: this.connections, status: result.status });
    if (name === 'replay:snapshot') {
      const snapshot = payload as SnapshotPayload;
      this.snapshots.push(snapshot);
      if (result.status === 'applied') this.epoch = snapshot.epoch;
      if (snapshot.storyVersion !== this.storyVersion) void this.loadStory(snapshot.scenarioId, snapshot.storyVersion);
    }
    if (result.status === 'applied') this.state = result.state;
    if (result.status === 'gap' && (this.options.resumeOnGap ?? true)) void this.autoResume();
    this.notify();
  }

  /** Loads the story a snapshot names, once per version, as a screen does. */
  private async loadStory(scenarioId: string, version: string): Promise<void> {
    this.storyVersion = version;
    const response = await fetch(`${this.url}/api/scenarios/${encodeURIComponent(scenarioId)}`);
    const body = (await response.json()) as { events: StoryEvent[]; storyVersion: string };
    if (body.storyVersion !== version) throw new Error(`story ${scenarioId} is at ${body.storyVersion}, the room replays ${version}`);
    this.story = body.events;
    this.notify();
  }

  private async autoResume(): Promise<void> {
    if (this.resuming || !this.state || !this.socket.connected) return;
    this.resuming = true;
    try {
      this.autoResumes.push(await this.resume(this.state.seq));
    } catch {
      // no answer: a later reconnect resumes with lastSeq
    } finally {
      this.resuming = false;
    }
  }

  private notify(): void {
    const pending = this.waiters;
    this.waiters = [];
    for (const waiter of pending) {
      if (waiter.check()) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  /** Resolves once `check()` holds (checked now and after every message or connection change). */
  waitFor(check: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (seq ${String(this.state?.seq)}, ${this.received.length} messages)`));
      }, timeoutMs);
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits until the folded state has reached seq `n` (or beyond). */
  waitForSeq(n: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.state !== undefined && this.state.seq >= n, `seq ${n}`, timeoutMs);
  }

  /** Waits until `count` events are released (or more). */
  waitForReleased(count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => (this.state?.released ?? 0) >= count, `${count} released`, timeoutMs);
  }

  waitForEvent(id: string, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.eventIds.includes(id), `event ${id}`, timeoutMs);
  }

  /** Waits until `count` snapshots have arrived in all. */
  waitForSnapshots(count: number, timeoutMs?: number): Promise<SnapshotPayload> {
    return this.waitFor(() => this.snapshots.length >= count, `${count} snapshot(s)`, timeoutMs).then(() => this.snapshots[count - 1] as SnapshotPayload);
  }

  /** Waits for the first snapshot and the story it names. */
  async ready(timeoutMs?: number): Promise<SnapshotPayload> {
    const first = await this.waitForSnapshots(1, timeoutMs);
    await this.waitFor(() => this.story !== undefined, 'the story', timeoutMs);
    return first;
  }

  /** Waits until `count` connect errors have arrived; resolves with the last one. */
  waitForConnectError(count = 1, timeoutMs?: number): Promise<Error> {
    return this.waitFor(() => this.connectErrors.length >= count, `connect error ${count}`, timeoutMs).then(() => this.connectErrors[count - 1] as Error);
  }

  waitForDisconnect(count = 1, timeoutMs?: number): Promise<string> {
    return this.waitFor(() => this.disconnectReasons.length >= count, `disconnect ${count}`, timeoutMs).then(() => this.disconnectReasons[count - 1] as string);
  }

  waitForConnections(count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.connections >= count && this.socket.connected, `connection ${count}`, timeoutMs);
  }

  control(payload: unknown, timeoutMs = WAIT_MS): Promise<ControlAck> {
    return this.request('replay:control', [payload], timeoutMs) as Promise<ControlAck>;
  }

  resume(lastSeq: unknown, timeoutMs = WAIT_MS): Promise<ResumeAck> {
    return this.request('replay:resume', [{ lastSeq }], timeoutMs) as Promise<ResumeAck>;
  }

  /** Emits any arguments (followed by an ack callback) and resolves with the answer; rejects after `timeoutMs`. */
  request(event: string, args: unknown[], timeoutMs = WAIT_MS): Promise<unknown> {
    const untyped = this.socket as unknown as Socket;
    return untyped.timeout(timeoutMs).emitWithAck(event, ...args);
  }

  /** Emits without an acknowledgement callback. */
  emitRaw(event: string, ...args: unknown[]): void {
    (this.socket as unknown as Socket).emit(event, ...args);
  }

  /** Cuts the connection as a network failure would: closes the engine (no reconnect unless enabled). */
  dropConnection(): void {
    this.socket.io.engine.close();
  }

  connect(): void {
    this.socket.connect();
  }

  close(): void {
    this.waiters = [];
    this.socket.disconnect();
  }
}

/** Seqs of numbered messages, in arrival order. */
export function seqsOf(messages: readonly RawMessage[]): number[] {
  return messages.map((m) => m.seq);
}

/** `from`, `from + 1`, ..., `to`. */
export function seqRange(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Opens a client and waits for its first snapshot. */
export async function joinRoom(url: string, options: ReplayClientOptions = {}): Promise<ReplayClient> {
  const client = new ReplayClient(url, options);
  await client.ready();
  return client;
}
