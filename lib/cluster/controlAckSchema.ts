import { z } from 'zod';
import { controlPayloadSchema, ERROR_CODES, type ControlAck } from '../realtime/protocol';

/** A control's answer (the protocol's ControlAck), as kept in Redis so that a retried control is answered alike. */
export const controlAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), seq: z.int().min(0) }).strict(),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }).strict() }).strict(),
]) satisfies z.ZodType<ControlAck>;

/** What the protocol accepts as a control's `commandId` (taken from its schema, so the two cannot drift apart). */
export const commandIdSchema = controlPayloadSchema.options[0].shape.commandId.unwrap();
