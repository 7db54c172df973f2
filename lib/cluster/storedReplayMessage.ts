import { z } from 'zod';
import { clockPayloadSchema, eventPayloadSchema, jumpPayloadSchema, presentationPayloadSchema } from '../realtime/protocol';
import type { ReplayMessage } from '../replay/replayMessages';

/** A replay message as kept in a room's stream: the wire payload of its kind, plus the kind. */
const storedReplayMessageSchema = z.discriminatedUnion('kind', [
  eventPayloadSchema.extend({ kind: z.literal('event') }),
  clockPayloadSchema.extend({ kind: z.literal('clock') }),
  jumpPayloadSchema.extend({ kind: z.literal('jump') }),
  presentationPayloadSchema.extend({ kind: z.literal('presentation') }),
]) satisfies z.ZodType<ReplayMessage>;

/** An entry of a room's stream that cannot be read back: names the room, the seq and the field. */
export class CorruptLogEntryError extends Error {
  constructor(
    readonly roomId: string,
    readonly seq: number,
    readonly field: string,
    problem: string,
  ) {
    super(`Room ${roomId}: the logged message ${seq} is corrupt at "${field}": ${problem}`);
    this.name = 'CorruptLogEntryError';
  }
}

/** The stream entry field that holds the message (the other, `t`, is its wall time, read only by the trim). */
const MESSAGE_FIELD = 'm';

/** Reads one stream entry (`<seq>-0` with the message JSON in `m`) back into a checked message. */
export function readStoredMessage(roomId: string, entryId: string, fields: Record<string, string>): ReplayMessage {
  const seq = seqOfEntryId(entryId);
  if (seq === undefined) throw new CorruptLogEntryError(roomId, Number.NaN, 'id', `"${entryId}" is not <seq>-0`);
  const raw = fields[MESSAGE_FIELD];
  if (raw === undefined) throw new CorruptLogEntryError(roomId, seq, MESSAGE_FIELD, 'missing');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new CorruptLogEntryError(roomId, seq, MESSAGE_FIELD, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = storedReplayMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : MESSAGE_FIELD;
    throw new CorruptLogEntryError(roomId, seq, field, issue?.message ?? 'invalid');
  }
  if (parsed.data.seq !== seq) throw new CorruptLogEntryError(roomId, seq, 'seq', `the message says ${parsed.data.seq}`);
  return parsed.data;
}

/** `<seq>-0` → seq; undefined for any other id. */
export function seqOfEntryId(entryId: string): number | undefined {
  const match = /^(\d+)-0$/.exec(entryId);
  const seq = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(seq) && seq > 0 ? seq : undefined;
}
