import type { RoomStreamLog } from '../../../cluster/roomStreamLog';
import type { ResumeResult } from '../../../replay/messageLog';
import type { ReplayMessageBody } from '../../../replay/replayMessages';
import type { ControlAck } from '../../protocol';
import { matchesDigest } from '../presenterKeys';
import type { RoomSpec } from '../roomHosting';
import type { RoomCommand, RoomStanding, ServedRoom } from '../servedRoom';

/** The room has no shared state yet (its owner has not published its first message): the client tries again. */
export class RoomNotStartedError extends Error {
  constructor(roomId: string) {
    super(`room ${roomId} has not started on any node yet`);
    this.name = 'RoomNotStartedError';
  }
}

export interface FollowerRoomOptions {
  spec: RoomSpec;
  log: Pick<RoomStreamLog, 'head' | 'since'>;
  /** Sends the control to the node running the room's clock and resolves with its answer. */
  forward: (roomId: string, command: RoomCommand, commandId: string | undefined) => Promise<ControlAck>;
}

/**
 * A room whose clock runs on another node: joining screens get where it stands from the room's head in Redis, a
 * resume is served from the room's log there, and a control goes to the owner. Its live messages reach this node's
 * screens through the Socket.IO adapter, with nothing to do here.
 */
export class FollowerRoom implements ServedRoom {
  readonly id: string;
  readonly scenarioId: string;
  readonly story: RoomSpec['story'];
  readonly storyVersion: string;

  constructor(private readonly options: FollowerRoomOptions) {
    const { spec } = options;
    this.id = spec.id;
    this.scenarioId = spec.scenarioId;
    this.story = spec.story;
    this.storyVersion = spec.storyVersion;
  }

  isPresenterKey(candidate: string): boolean {
    return matchesDigest(candidate, this.options.spec.keyDigest);
  }

  async standing(): Promise<RoomStanding> {
    const found = await this.options.log.head(this.id);
    if (!found) throw new RoomNotStartedError(this.id);
    const { clock, released, presentation } = found.head;
    return { seq: found.seq, epoch: found.epoch, clock, released, presentation };
  }

  async resume(lastSeq: number, epoch: string | undefined): Promise<ResumeResult<ReplayMessageBody>> {
    const current = epoch ?? (await this.options.log.head(this.id))?.epoch;
    if (current === undefined) return { kind: 'gap' };
    return this.options.log.since(this.id, lastSeq, current);
  }

  control(command: RoomCommand, commandId?: string): Promise<ControlAck> {
    return this.options.forward(this.id, command, commandId);
  }

  dispose(): void {
    // Nothing runs here for a followed room.
  }
}
