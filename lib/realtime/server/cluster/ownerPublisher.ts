import type { RoomHead } from '../../../cluster/roomHead';
import type { RoomLeaseKeeper } from '../../../cluster/roomLeaseKeeper';
import type { LogTarget, RoomStreamLog } from '../../../cluster/roomStreamLog';
import type { Clock, TimerHandle } from '../../../replay/clock';
import type { ReplayMessage } from '../../../replay/replayMessages';
import { applyReplayMessage, type StreamState } from '../../../replay/streamReducer';
import type { ControlAck } from '../../protocol';
import type { RoomStanding } from '../servedRoom';

/** How long a publisher waits before trying an append again after Redis did not answer. */
export const APPEND_RETRY_WALL_MS = 100;

export type LostReason = 'lease_lost' | 'fenced' | 'epoch_changed' | 'out_of_order' | 'backlog';

/**
 * Messages an owner may hold unappended (its lease unsure, Redis away) before it gives the room up: far more than any
 * outage its lease survives produces, and a bound on memory for a clock that cannot publish.
 */
export const MAX_PENDING_MESSAGES = 10_000;

export interface OwnerPublisherOptions {
  roomId: string;
  log: Pick<RoomStreamLog, 'append'>;
  keeper: Pick<RoomLeaseKeeper, 'canPublish' | 'state' | 'fence'>;
  clock: Clock;
  /** The log this owner continues, or 'new' to start one (a fresh room, or after Redis lost the old one). */
  target: LogTarget;
  /** The room's story and version, stored with each batch's head. */
  story: Pick<RoomHead, 'scenarioId' | 'storyVersion'>;
  /**
   * Where the room stands before the first message handed over (the head it continues, or its clock at a fresh start).
   * Each message is folded into it as the screens fold it, so the head stored with a batch is exactly the standing
   * after that batch's last message — never after messages that may still be lost.
   */
  initial: StreamState;
  /** Sends one appended message to every screen of the room, on every node. */
  broadcast: (message: ReplayMessage) => void;
  /**
   * Sends every screen of the room, on every node, where the room stands after the first batch of a NEW log, as a
   * gap: in place of that batch's messages, whose seqs mean nothing to screens that hold another log's (one Redis lost).
   */
  announceNewLog: (standing: RoomStanding) => void;
  /** The epoch the log was given (on the first append of a new log). */
  onEpoch: (epoch: string) => void;
  /** Where the room stands in the log after an appended batch (what a joining screen is given). */
  onAppended: (standing: RoomStanding) => void;
  /** This node may not publish for the room any more: the room must be handed back. */
  onLost: (reason: LostReason) => void;
  onAppendError: (error: unknown) => void;
}

/**
 * The owner's path from its clock to the screens: each message is appended to the room's Redis log (fenced by the
 * lease, in seq order, in batches) and only then broadcast, so that what any screen sees is what the log holds — a
 * node that lost its lease can never fork the seq. A control's answer is recorded with the batch holding its last
 * message, so a retried control is answered, not applied again, even by the next owner.
 */
export class OwnerPublisher {
  private readonly pending: { message: ReplayMessage; after: StreamState }[] = [];
  private standing: StreamState;
  /** Command records waiting for the batch that holds their last message, by that message's seq. */
  private readonly commands = new Map<number, { id: string; ack: ControlAck }>();
  private readonly waiters: { seq: number; settle: (published: boolean) => void }[] = [];
  private target: LogTarget;
  private running = false;
  private retryTimer: TimerHandle | undefined;
  private lost = false;

  constructor(private readonly options: OwnerPublisherOptions) {
    this.target = options.target;
    this.standing = options.initial;
  }

  publish(message: ReplayMessage): void {
    if (this.lost) return;
    const folded = applyReplayMessage(this.standing, message);
    if (folded.status !== 'applied') throw new Error(`room ${this.options.roomId}: message ${message.seq} does not follow ${this.standing.seq}`);
    this.standing = folded.state;
    this.pending.push({ message, after: folded.state });
    if (this.pending.length > MAX_PENDING_MESSAGES) {
      this.lose('backlog');
      return;
    }
    this.kick();
  }

  /** Records the control's answer with the message of seq `seq` (the control's last), appended with it. */
  recordCommand(seq: number, id: string, ack: ControlAck): void {
    this.commands.set(seq, { id, ack });
  }

  /** Resolves true once the message of seq `seq` is in the log and sent; false if it never will be (lost). */
  published(seq: number): Promise<boolean> {
    if (this.lost) return Promise.resolve(false);
    if (!this.pending.some(({ message }) => message.seq <= seq) && !this.running) return Promise.resolve(true);
    return new Promise((settle) => this.waiters.push({ seq, settle }));
  }

  /** The lease's state changed: publishing may go on, or must stop for good. */
  leaseChanged(): void {
    if (this.options.keeper.state === 'lost') this.lose('lease_lost');
    else this.kick();
  }

  stop(): void {
    this.lose(undefined);
  }

  private kick(): void {
    if (this.running || this.lost || this.pending.length === 0 || this.retryTimer !== undefined) return;
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      if (this.pending.length > 0 && !this.lost && this.retryTimer === undefined && this.options.keeper.canPublish()) this.kick();
    });
  }

  private async drain(): Promise<void> {
    // Starts after the code that published has finished: a control's answer is recorded (recordCommand) right after
    // the control emitted its messages, and must travel in the same append as the last of them.
    await Promise.resolve();
    const { log, keeper, roomId } = this.options;
    while (this.pending.length > 0 && !this.lost) {
      if (!keeper.canPublish()) {
        // Unsure of the lease: hold everything until the keeper confirms it (leaseChanged) or gives it up.
        if (keeper.state === 'lost') this.lose('lease_lost');
        return;
      }
      const taken = this.takeBatch();
      const batch = taken.map(({ message }) => message);
      const last = batch[batch.length - 1] as ReplayMessage;
      const command = this.commands.get(last.seq);
      const after = (taken[taken.length - 1] as (typeof taken)[number]).after;
      const head: RoomHead = { ...this.options.story, clock: after.clock, released: after.released, presentation: after.presentation };
      let result;
      try {
        result = await log.append(roomId, keeper.fence, this.target, batch, { head, ...(command && { command }) });
      } catch (error) {
        this.pending.unshift(...taken);
        this.options.onAppendError(error);
        this.retryLater();
        return;
      }
      if (this.lost) return;
      switch (result.kind) {
        case 'appended': {
          const startedLog = this.target === 'new';
          if (startedLog) this.options.onEpoch(result.epoch);
          this.target = { epoch: result.epoch };
          this.commands.delete(last.seq);
          const standing: RoomStanding = { seq: last.seq, epoch: result.epoch, clock: head.clock, released: head.released, presentation: head.presentation };
          this.options.onAppended(standing);
          if (startedLog) this.options.announceNewLog(standing);
          else for (const message of batch) this.options.broadcast(message);
          this.settle(last.seq, true);
          break;
        }
        case 'fenced':
        case 'epoch_changed':
        case 'out_of_order':
          this.lose(result.kind);
          return;
      }
    }
  }

  /** The pending messages up to and including the first that carries a command record (one record per append). */
  private takeBatch(): { message: ReplayMessage; after: StreamState }[] {
    const withCommand = this.pending.findIndex(({ message }) => this.commands.has(message.seq));
    return this.pending.splice(0, withCommand === -1 ? this.pending.length : withCommand + 1);
  }

  private retryLater(): void {
    this.retryTimer = this.options.clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.kick();
    }, APPEND_RETRY_WALL_MS);
  }

  private settle(upToSeq: number, published: boolean): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i] as (typeof this.waiters)[number];
      if (!published || waiter.seq <= upToSeq) {
        this.waiters.splice(i, 1);
        waiter.settle(published);
      }
    }
  }

  private lose(reason: LostReason | undefined): void {
    if (this.lost) return;
    this.lost = true;
    if (this.retryTimer !== undefined) this.options.clock.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.pending.length = 0;
    this.commands.clear();
    this.settle(Number.POSITIVE_INFINITY, false);
    if (reason !== undefined) this.options.onLost(reason);
  }
}
