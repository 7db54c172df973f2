import { PROTOCOL_VERSION } from '../protocolVersion';
import { assertNever } from '../../assertNever';
import type { ReplayMessage } from '../../replay/replayMessages';
import { type ServerToClientEvents, type SnapshotPayload } from '../protocol';
import type { RoomStanding, ServedRoom } from './servedRoom';

/** Anything with Socket.IO's typed `emit`: a socket, or a room broadcast. */
export interface ReplayEmitter {
  emit<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): unknown;
}

/** Where the room stands now, for a client that joins or cannot be caught up message by message. */
export async function snapshotPayload(room: ServedRoom, serverNowMs: number, gap?: boolean): Promise<SnapshotPayload> {
  return snapshotAt(room, await room.standing(), serverNowMs, gap);
}

/** The snapshot of a room at `standing`. */
export function snapshotAt(
  room: Pick<ServedRoom, 'id' | 'scenarioId' | 'storyVersion'>,
  standing: RoomStanding,
  serverNowMs: number,
  gap?: boolean,
): SnapshotPayload {
  const { seq, epoch, clock, released, presentation } = standing;
  return {
    protocol: PROTOCOL_VERSION,
    room: room.id,
    scenarioId: room.scenarioId,
    storyVersion: room.storyVersion,
    seq,
    epoch,
    clock,
    released,
    presentation,
    ...(gap && { gap: true }),
    serverNowMs,
  };
}

/** Sends one numbered replay message on its own event name. */
export function emitReplayMessage(target: ReplayEmitter, message: ReplayMessage): void {
  switch (message.kind) {
    case 'event':
      target.emit('replay:event', { seq: message.seq, event: message.event });
      return;
    case 'clock':
      target.emit('replay:clock', { seq: message.seq, clock: message.clock });
      return;
    case 'jump':
      target.emit('replay:jump', { seq: message.seq, clock: message.clock, released: message.released });
      return;
    case 'presentation':
      target.emit('replay:presentation', { seq: message.seq, presentation: message.presentation });
      return;
    default:
      assertNever(message, 'replay message');
  }
}

/**
 * Brings one client up to date after `lastSeq` of `epoch` (the room's current one when undefined): every message it
 * missed, in order, while the room still holds them; otherwise a snapshot marked as a gap. Returns how many messages
 * were resent (none for a snapshot).
 */
export async function catchUp(
  target: ReplayEmitter,
  room: ServedRoom,
  from: { lastSeq: number; epoch?: string },
  serverNowMs: () => number,
): Promise<{ resent: number; gap: boolean }> {
  const missed = await room.resume(from.lastSeq, from.epoch);
  if (missed.kind === 'gap') {
    target.emit('replay:snapshot', await snapshotPayload(room, serverNowMs(), true));
    return { resent: 0, gap: true };
  }
  for (const message of missed.messages) emitReplayMessage(target, message);
  return { resent: missed.messages.length, gap: false };
}
