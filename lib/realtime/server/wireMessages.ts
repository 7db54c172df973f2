import { assertNever } from '../../assertNever';
import type { ReplayMessage } from '../../replay/replayMessages';
import { PROTOCOL_VERSION, type ServerToClientEvents, type SnapshotPayload } from '../protocol';
import type { ReplayRoom } from './replayRoom';

/** Anything with Socket.IO's typed `emit`: a socket, or a room broadcast. */
export interface ReplayEmitter {
  emit<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): unknown;
}

export function snapshotPayload(
  room: ReplayRoom,
  snapshot: Pick<SnapshotPayload, 'seq' | 'clock' | 'events' | 'presentation'>,
  serverNowMs: number,
  gap?: boolean,
): SnapshotPayload {
  return {
    protocol: PROTOCOL_VERSION,
    room: room.id,
    scenarioId: room.scenarioId,
    seq: snapshot.seq,
    epoch: room.epoch,
    clock: snapshot.clock,
    events: snapshot.events,
    presentation: snapshot.presentation,
    ...(gap && { gap: true }),
    serverNowMs,
  };
}

/** Sends one numbered replay message on its own event name. */
export function emitReplayMessage(target: ReplayEmitter, room: ReplayRoom, message: ReplayMessage, serverNowMs: number): void {
  switch (message.kind) {
    case 'snapshot':
      target.emit('replay:snapshot', snapshotPayload(room, message, serverNowMs));
      return;
    case 'event':
      target.emit('replay:event', { seq: message.seq, event: message.event });
      return;
    case 'clock':
      target.emit('replay:clock', { seq: message.seq, clock: message.clock });
      return;
    case 'presentation':
      target.emit('replay:presentation', { seq: message.seq, presentation: message.presentation });
      return;
    default:
      assertNever(message, 'replay message');
  }
}
