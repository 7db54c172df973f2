/** IPC between the fan-out runner and its server and client processes. */
import { z } from 'zod';

/** The room every client of the bare server joins. */
export const BARE_ROOM = 'bench';

export const readyReplySchema = z.object({ type: z.literal('ready'), url: z.string() });
/** `fromWallMs`: where the bare replay resumed, as wall time played since the story's start. */
export const playingReplySchema = z.object({ type: z.literal('playing'), fromWallMs: z.number() });
export const haltedReplySchema = z.object({ type: z.literal('halted') });
export const quietReplySchema = z.object({ type: z.literal('quiet') });

export const barePlayCommandSchema = z.object({
  type: z.literal('play'),
  storySecondsPerSecond: z.number(),
  maxGapWallMs: z.number(),
  /** Epoch ms of the play instant: a release goes out at startAtMs + its offset − the wall time already played. */
  startAtMs: z.number(),
  /** The seq Sitrep gave its first released event, so that the payloads are the same bytes (used on the first play). */
  firstEventSeq: z.number().int(),
});
export type BarePlayCommand = z.infer<typeof barePlayCommandSchema>;

export const connectCommandSchema = z.object({
  type: z.literal('connect'),
  url: z.string(),
  /** Sitrep's room id (sent in the handshake auth), or null for the bare server. */
  room: z.string().nullable(),
  count: z.number().int().min(1),
});
export type ConnectCommand = z.infer<typeof connectCommandSchema>;

export const connectedReplySchema = z.object({
  type: z.literal('connected'),
  connected: z.number(),
  failed: z.number(),
  firstError: z.string().nullable(),
});

export const reportCommandSchema = z.object({
  type: z.literal('report'),
  /** Event ids released inside the measurement window, with their scheduled release instants (epoch ms). */
  eventIds: z.array(z.string()),
  scheduledMs: z.instanceof(Float64Array),
});
export type ReportCommand = z.infer<typeof reportCommandSchema>;

export const reportReplySchema = z.object({
  type: z.literal('report'),
  latenciesMs: z.instanceof(Float64Array),
  lost: z.number(),
  duplicated: z.number(),
  clientsWithLoss: z.number(),
  clientsWithDuplicates: z.number(),
  disconnected: z.number(),
  /** CPU of the client process over its server's measured windows, in % of one core. */
  cpuPercentOfCore: z.number(),
});
export type ClientReport = z.infer<typeof reportReplySchema>;
