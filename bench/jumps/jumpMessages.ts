/**
 * The scrub and step parts' messages: IPC to the client processes (open a window, report what arrived) and the
 * one event the bare server takes from its presenter (relay a `replay:jump` payload to every client).
 */
import { z } from 'zod';
import type { JumpPayload } from '@/lib/realtime/protocol';

/** The bare server's client-to-server events: `bench:relay` broadcasts the payload to the room as `replay:jump`. */
export interface BareRelayEvents {
  'bench:relay': (payload: JumpPayload, ack: () => void) => void;
}

/** Clears every client's jump receipts and the process's frame tally; answered once done. */
export const jumpWindowCommandSchema = z.object({ type: z.literal('jumps:open') });
export const jumpWindowReplySchema = z.object({ type: z.literal('jumps:opened') });

export const jumpReportCommandSchema = z.object({
  type: z.literal('jumps:report'),
  /** The jumps the presenter caused in the window: their seqs, and the instants (epoch ms) it sent the commands. */
  seqs: z.array(z.number().int()),
  sentMs: z.instanceof(Float64Array),
});
export type JumpReportCommand = z.infer<typeof jumpReportCommandSchema>;

export const jumpReportReplySchema = z.object({
  type: z.literal('jumps:report'),
  /** Every (client, jump) latency: first arrival − sending instant. */
  latenciesMs: z.instanceof(Float64Array),
  /** (client, jump) pairs never received. */
  missing: z.number(),
  /** WebSocket frames and their bytes received by all the process's clients since the window opened. */
  frames: z.number(),
  bytes: z.number(),
  clients: z.number(),
  disconnected: z.number(),
});
export type JumpReportReply = z.infer<typeof jumpReportReplySchema>;
