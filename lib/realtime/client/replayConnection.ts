import { assertNever } from '../../assertNever';
import { samePresentation } from '../../replay/presentation';
import type { ReplayMessage } from '../../replay/replayMessages';
import { applyReplayMessage, applySnapshot, type ApplyResult } from '../../replay/streamReducer';
import type { ControlAck, ControlPayload, HandshakeAuth, ResumeAck, SnapshotPayload } from '../protocol';
import { PROTOCOL_VERSION } from '../protocolVersion';
import { CONNECT_REFUSALS, type ConnectionInfo, type ReplayConnectionListener, type RoomReplayState, type SocketLike } from './connectionTypes';
import { restartReconnectDelayMs } from './reconnectJitter';


/** Acks not received within this time count as failed. */
export const CONTROL_TIMEOUT_MS = 5_000;

/**
 * One client's link to a room: folds every message with the shared reducer, asks to resume when a seq is missing,
 * resumes after a reconnect with `lastSeq`, and never sends a control while disconnected.
 */
export class ReplayConnection {
  private state: RoomReplayState | undefined;
  private info: ConnectionInfo = { status: 'connecting', lastMessageAtMs: null, viewers: null, refusal: null, serverRestarting: false };
  private resuming = false;
  private closed = false;
  readonly socket: SocketLike;

  constructor(
    private readonly roomId: string,
    private readonly presenterKey: string | undefined,
    makeSocket: (auth: () => HandshakeAuth) => SocketLike,
    private readonly listener: ReplayConnectionListener,
    private readonly nowMs: () => number,
    /** A number in [0, 1): spreads the reconnection after a server restart (reconnectJitter.ts). */
    private readonly random: () => number = Math.random,
  ) {
    this.socket = makeSocket(() => this.auth());
    this.socket.on('connect', () => this.setInfo({ status: 'live', refusal: null, serverRestarting: false }));
    this.socket.on('disconnect', () => {
      if (!this.closed) this.setInfo({ status: 'reconnecting' });
    });
    this.socket.on('connect_error', (error: Error) => {
      const refused = CONNECT_REFUSALS.includes(error.message);
      this.setInfo(refused ? { status: 'refused', refusal: error.message } : { status: this.state ? 'reconnecting' : 'offline' });
      if (refused) this.socket.disconnect();
    });
    this.socket.on('replay:snapshot', (payload) => this.onSnapshot(payload));
    this.socket.on('replay:event', (payload) => this.onMessage({ kind: 'event', ...payload }));
    this.socket.on('replay:clock', (payload) => this.onMessage({ kind: 'clock', ...payload }));
    this.socket.on('replay:jump', (payload) => this.onMessage({ kind: 'jump', ...payload }));
    this.socket.on('replay:presentation', (payload) => this.onMessage({ kind: 'presentation', ...payload }));
    this.socket.on('room:presence', (payload) => this.setInfo({ viewers: payload.viewers }));
    this.socket.on('server:restarting', (payload) => {
      this.setInfo({ serverRestarting: true });
      if (!this.closed) this.socket.reconnectAfterClose(() => restartReconnectDelayMs(payload.reconnectWithinMs, this.random));
    });
    this.socket.connect();
  }

  get canControl(): boolean {
    return this.presenterKey !== undefined;
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
  }

  /** Marks the connection offline or online as the browser reports it. */
  setNetworkOnline(online: boolean): void {
    if (!online) this.setInfo({ status: 'offline' });
    else if (this.socket.connected) this.setInfo({ status: 'live' });
    else this.setInfo({ status: 'reconnecting' });
  }

  async control(payload: ControlPayload): Promise<ControlAck> {
    if (!this.socket.connected) {
      return { ok: false, error: { code: 'internal', message: 'not connected: the command was not sent' } };
    }
    try {
      const ack = (await this.socket.request('replay:control', payload, CONTROL_TIMEOUT_MS)) as ControlAck;
      await this.listener.settled?.();
      return ack;
    } catch {
      return { ok: false, error: { code: 'internal', message: 'no answer from the server' } };
    }
  }

  private auth(): HandshakeAuth {
    return {
      protocol: PROTOCOL_VERSION,
      room: this.roomId,
      ...(this.presenterKey !== undefined && { presenterKey: this.presenterKey }),
      ...(this.state && { lastSeq: this.state.seq, epoch: this.state.epoch }),
    };
  }

  private setInfo(patch: Partial<ConnectionInfo>): void {
    this.info = { ...this.info, ...patch };
    this.listener.info(this.info);
  }

  private onSnapshot(payload: SnapshotPayload): void {
    if (payload.protocol !== PROTOCOL_VERSION) {
      this.setInfo({ status: 'refused', refusal: 'protocol_mismatch' });
      this.socket.disconnect();
      return;
    }
    // A snapshot resent during a resume can be older than what this client already folded: keep the newer state.
    const sameRoom = this.state?.epoch === payload.epoch;
    const result = applySnapshot(sameRoom ? this.state : undefined, payload);
    this.listener.folded?.(payload.seq, result.status);
    if (result.status !== 'applied') return;
    const presentation = this.state && samePresentation(this.state.presentation, payload.presentation) ? this.state.presentation : result.state.presentation;
    this.publish({
      ...result.state,
      presentation,
      roomId: payload.room,
      scenarioId: payload.scenarioId,
      storyVersion: payload.storyVersion,
      epoch: payload.epoch,
      serverOffsetMs: payload.serverNowMs - this.nowMs(),
    });
  }

  private onMessage(message: ReplayMessage): void {
    const result: ApplyResult = applyReplayMessage(this.state, message);
    this.listener.folded?.(message.seq, result.status);
    switch (result.status) {
      case 'applied':
        if (this.state) this.publish({ ...this.state, ...result.state });
        return;
      case 'duplicate':
        return;
      case 'gap':
        void this.resume();
        return;
      default:
        assertNever(result, 'apply result');
    }
  }

  private async resume(): Promise<void> {
    if (this.resuming || !this.state || !this.socket.connected) return;
    this.resuming = true;
    try {
      const answer = (await this.socket.request('replay:resume', { lastSeq: this.state.seq }, CONTROL_TIMEOUT_MS)) as ResumeAck;
      if (answer.ok && this.state) this.publish({ ...this.state, serverOffsetMs: answer.serverNowMs - this.nowMs() });
    } catch {
      // no answer: the next reconnect resumes with lastSeq
    } finally {
      this.resuming = false;
    }
  }

  private publish(state: RoomReplayState): void {
    this.state = state;
    this.setInfo({ lastMessageAtMs: this.nowMs() });
    this.listener.state(state);
  }
}
