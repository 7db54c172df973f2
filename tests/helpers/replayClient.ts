import { type ConnectionInfo, type RoomReplayState, type SocketLike } from '@/lib/realtime/client/connectionTypes';
import { LIVE_ROOM_ID } from '@/lib/realtime/protocolVersion';
import { io, type Socket } from 'socket.io-client';
import type { StoryEvent } from '@/lib/events/schema';
import { APP_RECONNECTION, asSocketLike, type ReplaySocket } from '@/lib/realtime/client/createSocket';
import { ReplayConnection } from '@/lib/realtime/client/replayConnection';
import { type ControlAck, type ControlPayload, type HandshakeAuth, type PresencePayload, type ResumeAck, type ServerToClientEvents, type SnapshotPayload } from '@/lib/realtime/protocol';
import type { ApplyResult, StreamState } from '@/lib/replay/streamReducer';
import { StateWaiters } from './stateWaiters';

/** Generous: Socket.IO networking runs on real time even when the replay runs on a ManualClock. */
export const WAIT_MS = 20_000;

export type NumberedEventName = 'replay:snapshot' | 'replay:event' | 'replay:clock' | 'replay:jump' | 'replay:presentation';
const NUMBERED_EVENTS: readonly string[] = ['replay:snapshot', 'replay:event', 'replay:clock', 'replay:jump', 'replay:presentation'] satisfies NumberedEventName[];
type NumberedPayload = Parameters<ServerToClientEvents[NumberedEventName]>[0];

/** One numbered message as it reached the app's connection, with what the connection's reducer made of it. */
export interface RawMessage {
  name: NumberedEventName;
  seq: number;
  payload: NumberedPayload;
  /** Which connection of this client received it (1 for the first connect, 2 after the first reconnect, ...). */
  connection: number;
  /**
   * As the connection reported it while folding; `withheld` if the probe kept it from the connection (see
   * `withhold`), `not folded` if the connection never folded it.
   */
  status: ApplyResult['status'] | 'withheld' | 'not folded';
}

export interface ReplayClientOptions {
  /** The room the app's connection joins (the live room when not given). */
  room?: string;
  presenterKey?: string;
  /** Sent as HTTP headers of the WebSocket upgrade (Node only), e.g. `{ origin: 'https://x.example' }`. */
  extraHeaders?: Record<string, string>;
  /**
   * A probe: replaces the handshake `auth` the app's connection builds. Given that auth, returns what is sent
   * instead (any value, to test custom or malformed handshakes).
   */
  auth?: (current: HandshakeAuth) => unknown;
  /** Reconnect on its own, with the app's reconnection settings (createSocket.ts), instead of when the test says. */
  reconnect?: boolean;
}

/**
 * The app's own connection (lib/realtime/client ReplayConnection: folding, resume on a gap, the reconnect
 * handshake with lastSeq and epoch) over a real socket.io-client socket, with a protocol probe around it: the raw
 * record of every numbered message with the status the connection's reducer gave it, the bytes of every frame,
 * connect errors, the handshakes sent, raw requests and emits, a cut connection. It loads the room's story once
 * per version, as a screen does, and offers waits on state (never on time).
 *
 * Socket.IO's automatic reconnection is off unless `reconnect` is set: a test cuts the connection and reconnects (`connect()`) when it
 * decides; the handshake of that reconnect is the one the app's connection builds.
 */
export class ReplayClient {
  /** The raw Socket.IO socket under the app's connection. */
  readonly socket: ReplaySocket;
  readonly connection: ReplayConnection;
  /** The room's state as the app's connection last published it. */
  room: RoomReplayState | undefined;
  /** The events of the room's story at the version the connection holds, once loaded. */
  story: readonly StoryEvent[] | undefined;
  private storyVersion: string | undefined;
  /** Bytes of every Socket.IO frame received (the WebSocket message payloads), in order. */
  readonly frameBytes: number[] = [];
  readonly received: RawMessage[] = [];
  readonly snapshots: SnapshotPayload[] = [];
  readonly presence: PresencePayload[] = [];
  readonly connectErrors: Error[] = [];
  readonly disconnectReasons: string[] = [];
  /** The auth objects sent at each handshake. */
  readonly handshakes: unknown[] = [];
  /** Answers to the resumes the app's connection sent by itself on a gap (`undefined` when none came). */
  readonly autoResumes: (ResumeAck | undefined)[] = [];
  connections = 0;
  private readonly waiters = new StateWaiters(() => `seq ${String(this.seq)}, ${this.received.length} messages`);
  /** The connection's status as it last reported it. */
  info: ConnectionInfo | undefined;
  /** The message the connection is folding now, to take the status it reports. */
  private folding: RawMessage | undefined;
  /** The handshake auth of the app's connection. */
  private appAuth: (() => HandshakeAuth) | undefined;
  /** How many more numbered messages to keep from the connection. */
  private toWithhold = 0;

  constructor(
    readonly url: string,
    readonly options: ReplayClientOptions = {},
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      ...(options.reconnect ? { ...APP_RECONNECTION, reconnection: true } : { reconnection: false }),
      autoConnect: false,
      ...(options.extraHeaders && { extraHeaders: options.extraHeaders }),
      auth: (callback: (data: object) => void) => this.handshake(callback),
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
    this.connection = new ReplayConnection(
      options.room ?? LIVE_ROOM_ID,
      options.presenterKey,
      (auth) => this.probe(auth),
      {
        state: (state) => this.onState(state),
        info: (info) => {
          this.info = info;
          this.notify();
        },
        folded: (seq, status) => {
          if (this.folding?.seq !== seq) throw new Error(`the connection folded seq ${seq} while seq ${String(this.folding?.seq)} was handed to it`);
          this.folding.status = status;
        },
      },
      () => Date.now(),
    );
  }

  /** Sends the auth the app's connection builds (or what the `auth` probe makes of it), and records it. */
  private handshake(callback: (data: object) => void): void {
    if (!this.appAuth) throw new Error('a handshake before the connection was made');
    const current = this.appAuth();
    const sent = this.options.auth ? this.options.auth(current) : current;
    this.handshakes.push(sent);
    callback(sent as object);
  }

  /** The socket as the app's connection sees it: the app's wrapper, with the probe's records around it. */
  private probe(auth: () => HandshakeAuth): SocketLike {
    this.appAuth = auth;
    const app = asSocketLike(this.socket);
    const appOn = app.on as (event: string, listener: (payload: never) => void) => unknown;
    const on = (event: string, listener: (payload: never) => void) =>
      NUMBERED_EVENTS.includes(event) ? appOn(event, (payload: NumberedPayload) => this.onNumbered(event as NumberedEventName, payload, listener)) : appOn(event, listener);
    return {
      get connected() {
        return app.connected;
      },
      connect: () => app.connect(),
      disconnect: () => app.disconnect(),
      reconnectAfterClose: (nextDelayMs) => app.reconnectAfterClose(nextDelayMs),
      on: on as SocketLike['on'],
      request: async (event, payload, timeoutMs) => {
        if (event !== 'replay:resume') return app.request(event, payload, timeoutMs);
        try {
          const answer = (await app.request(event, payload, timeoutMs)) as ResumeAck;
          this.autoResumes.push(answer);
          return answer;
        } catch (error) {
          this.autoResumes.push(undefined);
          throw error;
        } finally {
          this.notify();
        }
      },
    };
  }

  /** Records a numbered message, hands it to the connection's listener, and takes the status it folded it with. */
  private onNumbered(name: NumberedEventName, payload: NumberedPayload, listener: (payload: never) => void): void {
    const message: RawMessage = { name, seq: payload.seq, payload, connection: this.connections, status: 'not folded' };
    this.received.push(message);
    if (name === 'replay:snapshot') this.snapshots.push(payload as SnapshotPayload);
    else if (this.toWithhold > 0) {
      this.toWithhold--;
      message.status = 'withheld';
      this.notify();
      return;
    }
    this.folding = message;
    try {
      listener(payload as never);
    } finally {
      this.folding = undefined;
    }
    this.notify();
  }

  private onState(state: RoomReplayState): void {
    this.room = state;
    if (state.storyVersion !== this.storyVersion) void this.loadStory(state.scenarioId, state.storyVersion);
    this.notify();
  }

  /** Loads the story the room replays, once per version and at that version, as a screen does. */
  private async loadStory(scenarioId: string, version: string): Promise<void> {
    this.storyVersion = version;
    const response = await fetch(`${this.url}/api/scenarios/${encodeURIComponent(scenarioId)}?version=${encodeURIComponent(version)}`);
    const body = (await response.json()) as { events: StoryEvent[]; storyVersion: string };
    if (body.storyVersion !== version) throw new Error(`story ${scenarioId} is at ${body.storyVersion}, the room replays ${version}`);
    this.story = body.events;
    this.notify();
  }

  /** The folded stream, as the connection holds it (without what names the room and its story). */
  get state(): StreamState | undefined {
    if (!this.room) return undefined;
    const { seq, clock, released, gap, presentation, change } = this.room;
    return { seq, clock, released, gap, presentation, change };
  }

  get seq(): number | undefined {
    return this.room?.seq;
  }

  /** The ids of the released events, in story order (empty until the story is loaded). */
  get eventIds(): string[] {
    return (this.story ?? []).slice(0, this.room?.released ?? 0).map((e) => e.id);
  }

  /** Raw numbered messages received on connection `n`. */
  receivedOn(connection: number): RawMessage[] {
    return this.received.filter((m) => m.connection === connection);
  }

  /** Bytes received in frames from the `from`-th frame on (see `frameBytes`). */
  bytesSince(from: number): number {
    return this.frameBytes.slice(from).reduce((sum, bytes) => sum + bytes, 0);
  }

  private notify(): void {
    this.waiters.notify();
  }

  /** Resolves once `check()` holds (checked now and after every message or connection change). */
  waitFor(check: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
    return this.waiters.waitFor(check, what, timeoutMs);
  }

  /** Waits until the folded state has reached seq `n` (or beyond). */
  waitForSeq(n: number, timeoutMs?: number): Promise<void> {
    return this.waitFor(() => this.room !== undefined && this.room.seq >= n, `seq ${n}`, timeoutMs);
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

  /** A control sent as the app sends it: through the connection (refused there while disconnected). */
  control(payload: ControlPayload): Promise<ControlAck> {
    return this.connection.control(payload);
  }

  /** A probe: `replay:control` with any payload, sent apart from the connection. */
  rawControl(payload: unknown, timeoutMs = WAIT_MS): Promise<ControlAck> {
    return this.request('replay:control', [payload], timeoutMs) as Promise<ControlAck>;
  }

  /** A probe: `replay:resume` with any `lastSeq`, sent apart from the connection (which never learns of it). */
  resume(lastSeq: unknown, timeoutMs = WAIT_MS): Promise<ResumeAck> {
    return this.request('replay:resume', [{ lastSeq }], timeoutMs) as Promise<ResumeAck>;
  }

  /** A probe: emits any arguments (followed by an ack callback) and resolves with the answer; rejects after `timeoutMs`. */
  request(event: string, args: unknown[], timeoutMs = WAIT_MS): Promise<unknown> {
    return (this.socket as unknown as Socket).timeout(timeoutMs).emitWithAck(event, ...args);
  }

  /** A probe: emits without an acknowledgement callback. */
  emitRaw(event: string, ...args: unknown[]): void {
    (this.socket as unknown as Socket).emit(event, ...args);
  }

  /** A probe: sends a raw engine.io message (anything, even what is not a Socket.IO packet). */
  sendFrame(message: string): void {
    (this.socket.io.engine as unknown as { send(message: string): void }).send(message);
  }

  /** A probe: the next `count` numbered messages (snapshots aside) never reach the app's connection, as if lost. */
  withhold(count: number): void {
    this.toWithhold += count;
  }

  /** Cuts the connection as a network failure would: closes the engine (nothing reconnects until `connect()`). */
  dropConnection(): void {
    this.socket.io.engine.close();
  }

  /** Reconnects, as Socket.IO's reconnection would: the handshake is the one the app's connection builds now. */
  connect(): void {
    this.socket.connect();
  }

  close(): void {
    this.waiters.clear();
    this.connection.close();
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

/** Opens a client and waits for its first snapshot and the story. */
export async function joinRoom(url: string, options: ReplayClientOptions = {}): Promise<ReplayClient> {
  const client = new ReplayClient(url, options);
  await client.ready();
  return client;
}
