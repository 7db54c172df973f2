import type { RoomLeaseKeeper } from '../../../cluster/roomLeaseKeeper';
import type { RoomStreamLog } from '../../../cluster/roomStreamLog';
import type { ResumeResult } from '../../../replay/messageLog';
import type { ReplayMessageBody } from '../../../replay/replayMessages';
import type { ControlAck, ProtocolError } from '../../protocol';
import type { ReplayRoom } from '../replayRoom';
import type { RoomCommand, RoomStanding, ServedRoom } from '../servedRoom';
import { RoomNotStartedError } from './followerRoom';
import type { OwnerPublisher } from './ownerPublisher';

/** The answer to a control the room's clock could not take: it is moving to another node. */
export const MOVING_ROOM_ERROR: ProtocolError = {
  code: 'unavailable',
  message: 'the room is moving to another server; send the control again with the same commandId',
};

export interface OwnedClusterRoomOptions {
  room: ReplayRoom;
  publisher: OwnerPublisher;
  keeper: RoomLeaseKeeper;
  log: Pick<RoomStreamLog, 'since' | 'answeredCommand'>;
}

/**
 * A cluster room whose clock runs on this node. Screens see only what the room's log holds: a joining screen gets the
 * standing of the last appended batch, a resume reads the log, and a control is answered once its messages are in
 * the log (with its record, so the next owner answers a retry instead of applying it again).
 */
export class OwnedClusterRoom implements ServedRoom {
  readonly id: string;
  readonly scenarioId: string;
  readonly story: ReplayRoom['story'];
  readonly storyVersion: string;
  private appended: RoomStanding | undefined;

  constructor(private readonly options: OwnedClusterRoomOptions) {
    const { room } = options;
    this.id = room.id;
    this.scenarioId = room.scenarioId;
    this.story = room.story;
    this.storyVersion = room.storyVersion;
  }

  /** The clock running here. */
  /**
   * The clock running here — while this node can prove its lease. Unsure of it, the room is not checkpointed: the
   * position it would save may be one no screen saw, and another node may own the room by now.
   */
  get replay(): ReplayRoom | undefined {
    return this.options.keeper.canPublish() ? this.options.room : undefined;
  }

  /** Told by the publisher after each appended batch: where the room stands in the log. */
  noteAppended(standing: RoomStanding): void {
    this.appended = standing;
  }

  isPresenterKey(candidate: string): boolean {
    return this.options.room.isPresenterKey(candidate);
  }

  standing(): RoomStanding {
    if (!this.appended) throw new RoomNotStartedError(this.id);
    return this.appended;
  }

  resume(lastSeq: number, epoch: string | undefined): Promise<ResumeResult<ReplayMessageBody>> {
    return this.options.log.since(this.id, lastSeq, epoch ?? this.options.room.epoch);
  }

  async control(command: RoomCommand, commandId?: string): Promise<ControlAck> {
    const { room, publisher, log } = this.options;
    if (commandId !== undefined) {
      // Answered by an earlier owner of the room (before a failover): the same answer, not a second application.
      const earlier = await log.answeredCommand(this.id, commandId);
      if (earlier) return earlier;
    }
    const seqBefore = room.lastSeq;
    const ack = room.control(command, commandId);
    if (!ack.ok) return ack;
    if (ack.seq !== seqBefore && commandId !== undefined) publisher.recordCommand(ack.seq, commandId, ack);
    // Answered only once the room's log holds where the control left it — also when it changed nothing (a retry, a
    // pause of a paused room): the room may have been handed back while the answer was looked up, and a disposed
    // clock says yes to everything.
    return (await publisher.published(ack.seq)) ? ack : { ok: false, error: MOVING_ROOM_ERROR };
  }

  dispose(): void {
    this.options.publisher.stop();
    this.options.keeper.stop();
    this.options.room.dispose();
  }
}
