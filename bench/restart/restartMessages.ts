/** Commands and replies between the restart part and its screen processes (structured-clone IPC). */
import { z } from 'zod';

export const openCommandSchema = z.object({ type: z.literal('open'), url: z.string(), room: z.string(), count: z.int().min(1), jitter: z.boolean() });
export type OpenCommand = z.infer<typeof openCommandSchema>;
export const openedReplySchema = z.object({ type: z.literal('opened'), count: z.int(), epoch: z.string() });

export const backCommandSchema = z.object({ type: z.literal('back'), epochBefore: z.string(), timeoutMs: z.number() });
export const standingSchema = z.object({ epoch: z.string(), seq: z.int(), positionMs: z.number() });
export const backReplySchema = z.object({
  type: z.literal('back'),
  /** Screens told of the restart. */
  noticed: z.int(),
  /** When each screen came back (connected again) and when it held the new state, Date.now() terms. */
  backAtMs: z.instanceof(Float64Array),
  syncedAtMs: z.instanceof(Float64Array),
  standings: z.array(standingSchema.nullable()),
  /** Set when not every screen came back in time. */
  error: z.string().nullable(),
});
export type BackReply = z.infer<typeof backReplySchema>;
