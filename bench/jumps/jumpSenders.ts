/**
 * Who causes the jumps of a measured window: Sitrep's presenter, one control per jump (a seek or a step), or the
 * bare server's relaying client, one `bench:relay` of a payload Sitrep broadcast per jump. Both are socket.io
 * clients in the runner's process and both wait for the server's acknowledgement, which follows the broadcast.
 */
import { io, type Socket } from 'socket.io-client';
import type { ControlPayload, JumpPayload, ServerToClientEvents } from '@/lib/realtime/protocol';
import type { BenchPresenter } from '../ui/presenterSocket';
import type { BareRelayEvents } from './jumpMessages';

const RELAY_TIMEOUT_MS = 60_000;

export type SenderKind = 'sitrep' | 'bare';

export interface JumpSender {
  kind: SenderKind;
  /** Sends the window's `index`-th command now; resolves with the seq of the `replay:jump` it causes. */
  send(index: number): Promise<number>;
}

/** Sitrep: the presenter sends `commandAt(index)`; the acknowledgement carries the seq of the jump. */
export function presenterSender(presenter: BenchPresenter, commandAt: (index: number) => ControlPayload): JumpSender {
  return { kind: 'sitrep', send: (index) => presenter.control(commandAt(index)) };
}

/** The payloads of the jumps `seqs` as the presenter received them; throws if one never arrived. */
export function broadcastPayloads(presenter: BenchPresenter, seqs: readonly number[]): JumpPayload[] {
  return seqs.map((seq) => {
    const payload = presenter.jumps.get(seq);
    if (!payload) throw new Error(`the presenter never received the replay:jump with seq ${seq}`);
    return payload;
  });
}

/** A client of the bare server (in its room, like Sitrep's presenter in the room) that has it relay payloads. */
export class BareRelay {
  private constructor(private readonly socket: Socket<ServerToClientEvents, BareRelayEvents>) {}

  static async connect(url: string): Promise<BareRelay> {
    const socket: Socket<ServerToClientEvents, BareRelayEvents> = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return new BareRelay(socket);
  }

  /** The bare server broadcasts each payload in turn: the same messages, byte for byte, that Sitrep broadcast. */
  sender(payloads: readonly JumpPayload[]): JumpSender {
    return {
      kind: 'bare',
      send: async (index) => {
        const payload = payloads[index];
        if (!payload) throw new Error(`no payload ${index} to relay (${payloads.length} recorded)`);
        await this.socket.timeout(RELAY_TIMEOUT_MS).emitWithAck('bench:relay', payload);
        return payload.seq;
      },
    };
  }

  close(): void {
    this.socket.disconnect();
  }
}
