import { isDeepStrictEqual } from 'node:util';
import { controlPayloadSchema, ERROR_CODES, resumePayloadSchema, type ControlAck, type ErrorCode } from '@/lib/realtime/protocol';
import type { SitrepIo } from '@/lib/realtime/server/attachRealtime';
import type { ReplayRoom } from '@/lib/realtime/server/replayRoom';
import type { FuzzMessage } from './fuzzMessages';

/** How much of a message a failure report prints. */
const MAX_REPORT_CHARS = 1_500;
const MAX_REPORT_STRING_CHARS = 120;

/** How deep a value stays as it is; then its depth is counted and named. */
const MAX_REPORT_DEPTH = 6;

function depthOf(value: unknown): number {
  let depth = 0;
  for (let v = value; typeof v === 'object' && v !== null; depth++) v = Array.isArray(v) ? v[0] : Object.values(v)[0];
  return depth;
}

/** A value as a report shows it: binary and NaN named, long strings cut (their length said), deep nesting counted. */
function summarize(value: unknown, depth: number): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return `<number ${value}>`;
  if (value === undefined) return '<undefined>';
  if (typeof value === 'string') return value.length > MAX_REPORT_STRING_CHARS ? `${value.slice(0, 60)}…<${value.length} chars>` : value;
  if (Buffer.isBuffer(value)) return `<binary ${value.length} bytes>`;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_REPORT_DEPTH) return `<nested ${depthOf(value)} levels>`;
  if (Array.isArray(value)) return value.map((v) => summarize(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) Object.defineProperty(out, key, { value: summarize(v, depth + 1), enumerable: true });
  return out;
}

/** A message as a failure report prints it (see `summarize`), cut to a readable length. */
export function describeMessage(message: FuzzMessage): string {
  const text = JSON.stringify(summarize(message, -1));
  return text.length > MAX_REPORT_CHARS ? `${text.slice(0, MAX_REPORT_CHARS)}…<${text.length} chars>` : text;
}

/** Socket.IO's packet parser, as the server uses it (`io._parser`). */
export type PacketParser = SitrepIo['_parser'];

/**
 * An event's arguments as the server's handler receives them: encoded by Socket.IO (JSON, binary moved to
 * attachments) and decoded by the server's parser. Not plain JSON: undefined becomes null, NaN null, and when any
 * argument holds binary, own `__proto__` keys are lost (the client's encoder copies keys by assignment).
 */
export function wireView(parser: PacketParser): (args: readonly unknown[]) => unknown[] {
  const encoder = new parser.Encoder();
  return (args) => {
    const decoder = new parser.Decoder();
    let decoded: unknown[] | undefined;
    decoder.on('decoded', (packet) => {
      decoded = packet.data as unknown[];
    });
    for (const part of encoder.encode({ type: parser.PacketType.EVENT, nsp: '/', data: ['event', ...args] }) as unknown[]) decoder.add(part);
    decoder.destroy();
    if (!decoded) throw new Error('the parser did not decode what it encoded');
    return decoded.slice(1);
  };
}

/** A broken invariant, naming the message (by its index in the seed's sequence) that broke it. */
export class FuzzViolation extends Error {
  constructor(seed: number, index: number, message: FuzzMessage | undefined, what: string) {
    const which = message ? `message #${index}: ${describeMessage(message)}` : `after message #${index}`;
    super(`protocol fuzz, seed ${seed} (replay with SITREP_PROTOCOL_FUZZ_SEED=${seed}): ${what}\n  ${which}`);
  }
}

export function isErrorAck(answer: unknown, codes: readonly ErrorCode[]): boolean {
  if (typeof answer !== 'object' || answer === null) return false;
  const { ok, error } = answer as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return (
    ok === false &&
    Object.keys(answer).length === 2 &&
    typeof error === 'object' &&
    error !== null &&
    codes.includes(error.code as ErrorCode) &&
    ERROR_CODES.includes(error.code as ErrorCode) &&
    typeof error.message === 'string' &&
    error.message.length > 0
  );
}

/** What the server must answer a viewer (a socket without the presenter key) that sent `event` with `args`. */
export function checkViewerAnswer(onTheWire: (args: readonly unknown[]) => unknown[], event: string, args: unknown[], answer: unknown, serverNowMs: number): string | undefined {
  const payload = args.length > 0 ? onTheWire(args)[0] : undefined;
  if (event === 'replay:control') {
    // The shape is checked first, then the role: a valid control from a viewer is forbidden, never applied.
    const code: ErrorCode = args.length > 0 && controlPayloadSchema.safeParse(payload).success ? 'forbidden' : 'invalid_payload';
    return isErrorAck(answer, [code]) ? undefined : `expected { ok: false, error: { code: '${code}' } }, got ${JSON.stringify(answer)}`;
  }
  if (event === 'replay:resume') {
    if (args.length === 0 || !resumePayloadSchema.safeParse(payload).success) {
      return isErrorAck(answer, ['invalid_payload']) ? undefined : `expected invalid_payload, got ${JSON.stringify(answer)}`;
    }
    const { ok, resent, gap, serverNowMs: now, ...rest } = (answer ?? {}) as Record<string, unknown>;
    const fine = ok === true && Number.isInteger(resent) && (resent as number) >= 0 && (gap === undefined || (gap === true && resent === 0)) && now === serverNowMs && Object.keys(rest).length === 0;
    return fine ? undefined : `expected { ok: true, resent, serverNowMs }, got ${JSON.stringify(answer)}`;
  }
  return isErrorAck(answer, ['unknown_event']) ? undefined : `expected unknown_event, got ${JSON.stringify(answer)}`;
}

/** A room's state as numbered messages change it. */
export type RoomState = ReturnType<ReplayRoom['snapshot']>;

/**
 * Presenter controls: a refused one leaves the room as it was; an accepted one names the room's seq after it; a
 * repeated commandId is answered like the first and changes nothing (the room remembers its last 256 ids).
 */
export class PresenterOracle {
  private readonly answered = new Map<string, ControlAck>();

  constructor(private readonly onTheWire: (args: readonly unknown[]) => unknown[]) {}

  check(payload: unknown, answer: unknown, before: RoomState, after: RoomState): string | undefined {
    const parsed = controlPayloadSchema.safeParse(this.onTheWire([payload])[0]);
    const unchanged = isDeepStrictEqual(before, after);
    if (!parsed.success) {
      if (!isErrorAck(answer, ['invalid_payload'])) return `expected invalid_payload, got ${JSON.stringify(answer)}`;
      return unchanged ? undefined : `a refused control changed the room: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
    }
    const commandId = parsed.data.commandId;
    const earlier = commandId === undefined ? undefined : this.answered.get(commandId);
    if (earlier) {
      if (!isDeepStrictEqual(answer, earlier)) return `a repeated commandId was answered ${JSON.stringify(answer)}, first ${JSON.stringify(earlier)}`;
      return unchanged ? undefined : 'a repeated commandId changed the room';
    }
    if (commandId !== undefined) this.remember(commandId, answer as ControlAck);
    if (isErrorAck(answer, ['out_of_range', 'no_event'])) return unchanged ? undefined : `a refused control changed the room: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
    const accepted = isDeepStrictEqual(answer, { ok: true, seq: after.seq });
    return accepted ? undefined : `expected { ok: true, seq: ${after.seq} } or out_of_range/no_event, got ${JSON.stringify(answer)}`;
  }

  private remember(commandId: string, answer: ControlAck): void {
    this.answered.set(commandId, answer);
    if (this.answered.size > 256) this.answered.delete(this.answered.keys().next().value as string);
  }
}
