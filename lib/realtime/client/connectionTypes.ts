import type { ApplyResult, StreamChange, StreamState } from '../../replay/streamReducer';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol';

/** What the connection needs from a Socket.IO client socket; tests pass a fake. */
export interface SocketLike {
  readonly connected: boolean;
  connect(): unknown;
  disconnect(): unknown;
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): unknown;
  on(event: 'connect' | 'disconnect', listener: () => void): unknown;
  /**
   * After a restart notice: once the connection closes, reconnects after `nextDelayMs()` instead of at the pace of
   * the automatic reconnection, and retries a failed attempt after another `nextDelayMs()`, until connected.
   */
  reconnectAfterClose(nextDelayMs: () => number): void;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
  /** Emits with an acknowledgement; rejects when none arrives within `timeoutMs`. */
  request<E extends keyof ClientToServerEvents>(event: E, payload: Parameters<ClientToServerEvents[E]>[0], timeoutMs: number): Promise<unknown>;
}

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'refused';

export interface ConnectionInfo {
  status: ConnectionStatus;
  /** Local wall time of the last message from the room, if any. */
  lastMessageAtMs: number | null;
  viewers: number | null;
  /** Why the server refused the connection (`not_found`, `forbidden`, ...). */
  refusal: string | null;
  /** The server announced a restart (`server:restarting`) and the connection has not come back since. */
  serverRestarting: boolean;
}

/**
 * The room as this client knows it: the folded stream plus what is needed to derive the playhead and to load the
 * story it replays (`scenarioId` at `storyVersion`).
 */
export interface RoomReplayState extends StreamState {
  roomId: string;
  scenarioId: string;
  storyVersion: string;
  epoch: string;
  /** Server wall clock minus local wall clock, estimated when a snapshot or resume answer arrives. */
  serverOffsetMs: number;
}

/**
 * What changed the state: a snapshot (join, resync) or one numbered message of a kind (`event` is a release, `jump`
 * a seek, step or restart). The answer of a resume only corrects the clock offset and keeps the last change.
 */
export type StateChange = StreamChange;

export interface ReplayConnectionListener {
  state(state: RoomReplayState): void;
  info(info: ConnectionInfo): void;
  /**
   * Resolves once what was published so far has reached the listener's readers. A command's answer waits for it:
   * the server sends a command's messages before its acknowledgement, and the caller must see them first.
   */
  settled?(): Promise<void>;
  /** Told what the reducer made of each snapshot and numbered message, as it is folded (integration tests record it). */
  folded?(seq: number, status: ApplyResult['status']): void;
}

/** Connect errors that end the connection: retrying would be refused again. Any other (`internal`) is retried. */
export const CONNECT_REFUSALS: readonly string[] = ['protocol_mismatch', 'not_found', 'forbidden', 'invalid_handshake'];
