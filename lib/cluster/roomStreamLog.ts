import type { ControlAck } from '../realtime/protocol';
import type { Clock } from '../replay/clock';
import { DEFAULT_RETENTION_WALL_MS, type ResumeResult } from '../replay/messageLog';
import type { ReplayMessage, ReplayMessageBody } from '../replay/replayMessages';
import { commandIdSchema, controlAckSchema } from './controlAckSchema';
import { boundedClient, type SharedRedis } from './redisScript';
import { roomHeadSchema, type RoomHead } from './roomHead';
import { leaseValue, type LeaseFence } from './roomLease';
import { roomKeys } from './roomKeys';
import { APPEND_FENCED } from './roomStreamScripts';
import { CorruptRoomRecordError, readStoredJson } from './storedRoomRecord';
import { CorruptLogEntryError, readStoredMessage, seqOfEntryId } from './storedReplayMessage';

/**
 * Entries carry the wall time of the node that wrote them, so a writer whose clock runs ahead trims early by as much;
 * the retention is the promised two minutes plus this allowance for clock skew between nodes.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 10_000;
export const DEFAULT_STREAM_RETENTION_WALL_MS = DEFAULT_RETENTION_WALL_MS + CLOCK_SKEW_ALLOWANCE_MS;
/** A hard cap on held entries, far above what the retention needs at any replay rate. */
export const DEFAULT_MAX_LOG_ENTRIES = 100_000;
/** A log nobody appended to for this long disappears from Redis (its room then starts a new epoch). */
export const DEFAULT_LOG_IDLE_TTL_MS = 12 * 60 * 60 * 1_000;

export type AppendResult =
  | { kind: 'appended'; epoch: string }
  /** The lease is not this node's with this token: nothing was written. */
  | { kind: 'fenced' }
  /** The log is not the one the caller continues (wiped, expired, or started by another owner): read `last()` again. */
  | { kind: 'epoch_changed'; epoch: string | undefined; lastSeq: number | undefined }
  /** The first seq is not the log's last seq + 1: nothing was written (two messages never share a seq). */
  | { kind: 'out_of_order'; lastSeq: number };

/** What an append stores besides the messages, in the same script run (so both are in Redis, or neither). */
export interface AppendExtras {
  /** Where the room stands after the batch's last message (or, without messages, at the log's last seq). */
  head?: RoomHead;
  /** The answer to the control whose effect the batch is, kept under its id for the log's retention. */
  command?: { id: string; ack: ControlAck };
}

export interface LoggedHead {
  epoch: string;
  /** The seq the head stands at: the last seq of the append that stored it. */
  seq: number;
  head: RoomHead;
}

/** Which log an append goes to: the one with this epoch, or a new one (refused when a log exists). */
export type LogTarget = { epoch: string } | 'new';

export interface LastLogged {
  epoch: string;
  seq: number;
  message: ReplayMessage | undefined;
}

export interface RoomStreamLogOptions {
  /** The wall clock entries are stamped with (and trimmed by). */
  clock: Clock;
  retentionWallMs?: number;
  maxEntries?: number;
  idleTtlMs?: number;
  sendTimeoutMs?: number;
}

const optionalNumber = (value: string | undefined): number | undefined => (value ? Number(value) : undefined);

/**
 * A room's numbered message log in a Redis stream, shared by all nodes: the owner appends (fenced by its lease), any
 * node serves a resume. Every method rejects when Redis cannot be reached; reading a corrupt entry rejects with a
 * CorruptLogEntryError.
 */
export class RoomStreamLog {
  private readonly redis: SharedRedis;
  private readonly retentionWallMs: number;
  private readonly maxEntries: number;
  private readonly idleTtlMs: number;

  constructor(
    client: SharedRedis,
    private readonly options: RoomStreamLogOptions,
  ) {
    this.redis = boundedClient(client, options.sendTimeoutMs);
    this.retentionWallMs = options.retentionWallMs ?? DEFAULT_STREAM_RETENTION_WALL_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_LOG_ENTRIES;
    this.idleTtlMs = options.idleTtlMs ?? DEFAULT_LOG_IDLE_TTL_MS;
  }

  /**
   * Appends `messages` — all or none, in one script run — if `fence` still holds the room's lease. They are numbered by
   * the caller: the log's last seq + 1, + 2, … (a new log starts at the first one's seq, any seq ≥ 1). With
   * `extras.head` the room's head is stored at the batch's last seq; `messages` may then be empty (a head-only update,
   * at the log's last seq). With `extras.command` the control's answer is stored in the same run. Broadcast the
   * messages only once this answered 'appended'.
   */
  async append(roomId: string, fence: LeaseFence, target: LogTarget, messages: readonly ReplayMessage[], extras: AppendExtras = {}): Promise<AppendResult> {
    checkBatch(roomId, target, messages, extras);
    const keys = roomKeys(roomId);
    const { head, command } = extras;
    const reply = await APPEND_FENCED.run(
      this.redis,
      command ? [keys.lease, keys.log, keys.logMeta, keys.command(command.id)] : [keys.lease, keys.log, keys.logMeta],
      [
        leaseValue(fence),
        String(fence.token),
        target === 'new' ? '' : target.epoch,
        String(Math.floor(this.options.clock.now())),
        String(this.retentionWallMs),
        String(this.maxEntries),
        String(this.idleTtlMs),
        head ? JSON.stringify(head) : '',
        command ? JSON.stringify(command.ack) : '',
        ...messages.flatMap((message) => [String(message.seq), JSON.stringify(message)]),
      ],
    );
    const [kind, first, second] = reply as string[];
    switch (kind) {
      case 'appended':
        return { kind, epoch: first as string };
      case 'fenced':
        return { kind };
      case 'epoch_changed':
        return { kind, epoch: first || undefined, lastSeq: optionalNumber(second) };
      case 'out_of_order':
        return { kind, lastSeq: Number(first) };
      default:
        throw new Error(`Room ${roomId}: unexpected append reply ${JSON.stringify(reply)}`);
    }
  }

  /**
   * Every message after `lastSeq` of the log with `epoch`, in order; a gap when the log is not that epoch any more
   * (or is gone), when `lastSeq` is ahead of it, or when some of the messages after it are no longer kept.
   */
  async since(roomId: string, lastSeq: number, epoch: string): Promise<ResumeResult<ReplayMessageBody>> {
    if (!Number.isSafeInteger(lastSeq) || lastSeq < 0) return { kind: 'gap' };
    const keys = roomKeys(roomId);
    const [meta, entries] = await this.redis.multi().hGetAll(keys.logMeta).xRange(keys.log, String(lastSeq + 1), '+').execTyped();
    const { epoch: loggedEpoch, lastSeq: loggedLast } = meta;
    if (loggedEpoch !== epoch || loggedLast === undefined || lastSeq > Number(loggedLast)) return { kind: 'gap' };
    const messages = (entries ?? []).map((entry) => readStoredMessage(roomId, entry.id, entry.message));
    if (messages.length === 0) return lastSeq === Number(loggedLast) ? { kind: 'messages', messages } : { kind: 'gap' };
    if (messages[0]?.seq !== lastSeq + 1) return { kind: 'gap' };
    messages.forEach((message, i) => {
      if (message.seq !== lastSeq + 1 + i) throw new CorruptLogEntryError(roomId, message.seq, 'id', `expected seq ${lastSeq + 1 + i}`);
    });
    return { kind: 'messages', messages };
  }

  /** The log's epoch, last seq and last message still held; undefined when the room has no log (new, expired or wiped). */
  async last(roomId: string): Promise<LastLogged | undefined> {
    const keys = roomKeys(roomId);
    const [meta, entries] = await this.redis.multi().hGetAll(keys.logMeta).xRevRange(keys.log, '+', '-', { COUNT: 1 }).execTyped();
    const { epoch, lastSeq } = meta;
    if (epoch === undefined || lastSeq === undefined) return undefined;
    const entry = entries?.[0];
    const message = entry && seqOfEntryId(entry.id) === Number(lastSeq) ? readStoredMessage(roomId, entry.id, entry.message) : undefined;
    return { epoch, seq: Number(lastSeq), message };
  }

  /**
   * The room's head as last stored, with the log's epoch and the seq it stands at (which may be behind the log's last
   * seq: not every append stores a head). Undefined without a log, or before any head was stored in it. A corrupt head
   * rejects with a CorruptRoomRecordError naming the field.
   */
  async head(roomId: string): Promise<LoggedHead | undefined> {
    const [epoch, rawHead, rawSeq] = await this.redis.hmGet(roomKeys(roomId).logMeta, ['epoch', 'head', 'headSeq']);
    if (epoch == null || rawHead == null) return undefined;
    const seq = Number(rawSeq);
    if (rawSeq == null || !Number.isSafeInteger(seq) || seq < 1) throw new CorruptRoomRecordError(roomId, 'headSeq', `"${String(rawSeq)}" is not a seq`);
    return { epoch, seq, head: readStoredJson(roomId, 'head', rawHead, roomHeadSchema) };
  }

  /** The answer stored with the control `commandId` (undefined when none is, or it expired with the retention). */
  async answeredCommand(roomId: string, commandId: string): Promise<ControlAck | undefined> {
    const raw = await this.redis.get(roomKeys(roomId).command(checkCommandId(roomId, commandId)));
    return raw === null ? undefined : readStoredJson(roomId, `command:${commandId}`, raw, controlAckSchema);
  }

  /** The seq of the oldest message still held (undefined without a log). */
  async oldestSeq(roomId: string): Promise<number | undefined> {
    const entry = (await this.redis.xRange(roomKeys(roomId).log, '-', '+', { COUNT: 1 }))?.[0];
    return entry ? seqOfEntryId(entry.id) : undefined;
  }
}

function checkCommandId(roomId: string, commandId: string): string {
  if (!commandIdSchema.safeParse(commandId).success) throw new RangeError(`Room ${roomId}: "${commandId}" is not a command id (1 to 64 characters)`);
  return commandId;
}

/** A batch's seqs are whole numbers ≥ 1 that run on by one; only a head may come without messages. */
function checkBatch(roomId: string, target: LogTarget, messages: readonly ReplayMessage[], extras: AppendExtras): void {
  if (extras.command) checkCommandId(roomId, extras.command.id);
  if (messages.length === 0) {
    if (!extras.head) throw new RangeError(`Room ${roomId}: an append needs messages, or a head`);
    if (target === 'new') throw new RangeError(`Room ${roomId}: a new log starts with a message`);
    return;
  }
  messages.forEach((message, i) => {
    if (!Number.isSafeInteger(message.seq) || message.seq < 1) throw new RangeError(`Room ${roomId}: a logged seq must be a whole number ≥ 1, got ${message.seq}`);
    const previous = messages[i - 1];
    if (previous && message.seq !== previous.seq + 1) throw new RangeError(`Room ${roomId}: the batch's seqs must run on by one, got ${previous.seq} then ${message.seq}`);
  });
}
