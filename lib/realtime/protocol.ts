/**
 * Sitrep replay protocol, version 2 — the one definition shared by the server and every client.
 * Documented in docs/protocol.md (a test keeps the two in step). Event and field names here are fixed.
 *
 * A story is static, versioned data that a client loads once over HTTP (`GET /api/scenarios/:id`, with its
 * `storyVersion` as ETag); a room is a clock over it. The stream carries time — the clock, how many of the story's
 * events are released, what the presenter shows — and never the story: a seek costs every screen a few bytes.
 */
import { z } from 'zod';
import type { StoryEvent } from '../events/schema';
import { presentationSchema } from '../replay/presentationSchema';
import type { ReplayClock } from '../replay/playbackMachine';
import { REPLAY_STATUSES } from '../replay/playbackMachine';
import { PROTOCOL_VERSION, ROOM_ID_PATTERN } from './protocolVersion';


// ---- handshake ---------------------------------------------------------------------------------------------

/**
 * `io(url, { auth })`. `protocol` must be this version (a client of another one is refused with `protocol_mismatch`);
 * `epoch` (optional) is the room epoch of the client's last snapshot, for resume.
 */
export const handshakeAuthSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  room: z.string().regex(ROOM_ID_PATTERN).optional(),
  presenterKey: z.string().min(1).max(256).optional(),
  lastSeq: z.int().min(0).optional(),
  epoch: z.string().min(1).max(64).optional(),
});
export type HandshakeAuth = z.infer<typeof handshakeAuthSchema>;

/** Messages of the connect error a refused handshake gets (`socket.on('connect_error', err => err.message)`). */
export const CONNECT_ERRORS = ['protocol_mismatch', 'not_found', 'forbidden', 'invalid_handshake', 'internal'] as const;
export type ConnectErrorMessage = (typeof CONNECT_ERRORS)[number];

// ---- server -> client --------------------------------------------------------------------------------------

export const replayClockSchema = z.object({
  status: z.enum(REPLAY_STATUSES),
  positionMs: z.number(),
  wallMs: z.number(),
  storySecondsPerSecond: z.number(),
  maxGapWallMs: z.number(),
  loop: z.boolean(),
  startMs: z.number(),
  endMs: z.number(),
}) satisfies z.ZodType<ReplayClock>;

/** Story events are validated where they are loaded; on the wire they are passed through as they are. */
const wireEventSchema = z.custom<StoryEvent>((value) => typeof value === 'object' && value !== null && 'id' in value);

/** Sent on join, and on a resume whose missed messages are no longer held. Not numbered itself: it names the seq it stands at. */
export const snapshotPayloadSchema = z.object({
  protocol: z.literal(PROTOCOL_VERSION),
  room: z.string(),
  scenarioId: z.string(),
  /** The content hash of the story the room replays: the `ETag` of `GET /api/scenarios/:id`. */
  storyVersion: z.string(),
  /** The seq of the room's latest message: the next message of the room has seq + 1. */
  seq: z.int(),
  /** Changes when the room is recreated (a server restart): a stored seq is meaningless across epochs. */
  epoch: z.string(),
  clock: replayClockSchema,
  /** How many of the story's events, in story order, are released. */
  released: z.int().min(0),
  presentation: presentationSchema,
  /** Present and true when the client asked to resume but the messages it missed are no longer held. */
  gap: z.boolean().optional(),
  /** The server's wall clock when it sent this snapshot, so clients can derive the playhead from `clock`. */
  serverNowMs: z.number(),
});
export type SnapshotPayload = z.infer<typeof snapshotPayloadSchema>;

export const eventPayloadSchema = z.object({ seq: z.int(), event: wireEventSchema });
export type EventPayload = z.infer<typeof eventPayloadSchema>;

export const clockPayloadSchema = z.object({ seq: z.int(), clock: replayClockSchema });
export type ClockPayload = z.infer<typeof clockPayloadSchema>;

/** A seek, a step or a looping room's restart: the new clock and how many events are released there. */
export const jumpPayloadSchema = z.object({ seq: z.int(), clock: replayClockSchema, released: z.int().min(0) });
export type JumpPayload = z.infer<typeof jumpPayloadSchema>;

export const presentationPayloadSchema = z.object({ seq: z.int(), presentation: presentationSchema });
export type PresentationPayload = z.infer<typeof presentationPayloadSchema>;

/** Not numbered: who is watching the room, sent when it changes (at most about once a second). */
export const presencePayloadSchema = z.object({ viewers: z.int().min(0) });
export type PresencePayload = z.infer<typeof presencePayloadSchema>;

/**
 * Not numbered: the server is going down for a restart. The client should reconnect on its own after a random delay
 * within `reconnectWithinMs`, so that the screens coming back do not all arrive at once.
 */
export const restartingPayloadSchema = z.object({ reconnectWithinMs: z.int().min(0) });
export type RestartingPayload = z.infer<typeof restartingPayloadSchema>;

// ---- client -> server --------------------------------------------------------------------------------------

/** Optional on every control: a client-chosen id; a repeated id is answered like the first and applied once. */
const commandId = z.string().min(1).max(64).optional();

export const controlPayloadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('play'), commandId }).strict(),
  z.object({ type: z.literal('pause'), commandId }).strict(),
  z.object({ type: z.literal('seek'), to: z.iso.datetime({ offset: true }), commandId }).strict(),
  z
    .object({
      type: z.literal('rate'),
      /** Any finite number on the wire; the bounds (MIN/MAX_STORY_SECONDS_PER_SECOND) are checked by the replay: out_of_range. */
      storySecondsPerSecond: z.number(),
      commandId,
    })
    .strict(),
  z.object({ type: z.literal('step'), direction: z.enum(['next', 'previous']), commandId }).strict(),
  z.object({ type: z.literal('present'), presentation: presentationSchema, commandId }).strict(),
]);
export type ControlPayload = z.infer<typeof controlPayloadSchema>;

export const resumePayloadSchema = z.object({ lastSeq: z.int().min(0) }).strict();
export type ResumePayload = z.infer<typeof resumePayloadSchema>;

export const ERROR_CODES = [
  'invalid_payload',
  'forbidden',
  'rate_limited',
  'out_of_range',
  'no_event',
  'not_found',
  'unknown_event',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export type ControlAck = { ok: true; seq: number } | { ok: false; error: ProtocolError };
export type ResumeAck = { ok: true; resent: number; gap?: boolean; serverNowMs: number } | { ok: false; error: ProtocolError };

// ---- event maps (Socket.IO's four interfaces) --------------------------------------------------------------

export interface ServerToClientEvents {
  'replay:snapshot': (payload: SnapshotPayload) => void;
  'replay:event': (payload: EventPayload) => void;
  'replay:clock': (payload: ClockPayload) => void;
  'replay:jump': (payload: JumpPayload) => void;
  'replay:presentation': (payload: PresentationPayload) => void;
  'room:presence': (payload: PresencePayload) => void;
  'server:restarting': (payload: RestartingPayload) => void;
}

export interface ClientToServerEvents {
  'replay:control': (payload: ControlPayload, ack: (answer: ControlAck) => void) => void;
  'replay:resume': (payload: ResumePayload, ack: (answer: ResumeAck) => void) => void;
}

/**
 * Between the nodes of a cluster (through the Socket.IO adapter; never from a client): a control forwarded to the
 * node that runs the room's clock. Payloads are validated on arrival (server/cluster/controlForwarding.ts).
 */
export interface InterServerEvents {
  'room:control': (request: unknown, answer: (reply: unknown) => void) => void;
}

export interface SocketData {
  roomId: string;
  role: 'presenter' | 'viewer';
  /** What the client last saw, from its handshake: the messages after it are resent if they are still held. */
  resumeFrom?: { lastSeq: number; epoch?: string };
  /** Set once the socket is in its room and counted (joining may wait for the room's shared state). */
  joined?: boolean;
}

/** The event names of each direction, for documentation checks and logging. */
export const SERVER_EVENT_NAMES = ['replay:snapshot', 'replay:event', 'replay:clock', 'replay:jump', 'replay:presentation', 'room:presence', 'server:restarting'] as const satisfies readonly (keyof ServerToClientEvents)[];
export const CLIENT_EVENT_NAMES = ['replay:control', 'replay:resume'] as const satisfies readonly (keyof ClientToServerEvents)[];

/** Largest frame the server accepts from a client; larger ones close that connection. */
export const MAX_CLIENT_FRAME_BYTES = 64 * 1024;
