import { z } from 'zod';
import { presentationSchema } from '../../../replay/presentationSchema';
import type { Logger } from '../../../server/logger';
import type { ControlAck } from '../../protocol';
import type { SitrepIo } from '../attachRealtime';
import type { RoomCommand, ServedRoom } from '../servedRoom';
import { MOVING_ROOM_ERROR } from './ownedClusterRoom';

const roomCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('play') }).strict(),
  z.object({ type: z.literal('pause') }).strict(),
  z.object({ type: z.literal('seek'), toMs: z.number() }).strict(),
  z.object({ type: z.literal('rate'), storySecondsPerSecond: z.number() }).strict(),
  z.object({ type: z.literal('step'), direction: z.enum(['next', 'previous']) }).strict(),
  z.object({ type: z.literal('present'), presentation: presentationSchema }).strict(),
]);

export const forwardedControlSchema = z
  .object({ roomId: z.string().min(1).max(128), command: roomCommandSchema, commandId: z.string().min(1).max(64).optional() })
  .strict();
export type ForwardedControl = z.infer<typeof forwardedControlSchema>;

const controlAckSchema = z.union([
  z.object({ ok: z.literal(true), seq: z.int().min(0) }).strict(),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }).strict() }).strict(),
]);
const forwardedAnswerSchema = z.union([
  z.object({ owner: z.literal(false) }).strict(),
  z.object({ owner: z.literal(true), ack: controlAckSchema }).strict(),
]);
export type ForwardedAnswer = { owner: false } | { owner: true; ack: ControlAck };

/**
 * Sends a control to every other node and resolves with the answer of the one running the room's clock; when none
 * answers as the owner (the room is changing hands), with `unavailable` — nothing was applied, the client retries.
 * The adapter waits for every node it knows (a node that died is forgotten after its heartbeat timeout, see
 * clusterAdapter.ts) and gives up after its own request timeout.
 */
export function forwardControl(io: SitrepIo, roomId: string, command: RoomCommand, commandId: string | undefined, logger: Logger): Promise<ControlAck> {
  const request: ForwardedControl = { roomId, command, ...(commandId !== undefined && { commandId }) };
  return new Promise((resolve) => {
    io.serverSideEmit('room:control', request, (error: Error | null, responses: unknown[]) => {
      for (const response of responses ?? []) {
        const parsed = forwardedAnswerSchema.safeParse(response);
        if (parsed.success && parsed.data.owner) return resolve(parsed.data.ack as ControlAck);
      }
      if (error) logger.debug({ err: error, roomId }, 'A forwarded control found no owner in time');
      resolve({ ok: false, error: MOVING_ROOM_ERROR });
    });
  });
}

/** Answers controls forwarded by other nodes for the rooms whose clock runs here. Every request is validated. */
export function answerForwardedControls(io: SitrepIo, ownedRoom: (roomId: string) => ServedRoom | undefined, logger: Logger): void {
  io.on('room:control', (raw: unknown, answer: (reply: ForwardedAnswer) => void) => {
    if (typeof answer !== 'function') return;
    const parsed = forwardedControlSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn({ issue: parsed.error.issues[0]?.message }, 'A forwarded control was malformed');
      answer({ owner: false });
      return;
    }
    const { roomId, command, commandId } = parsed.data;
    const room = ownedRoom(roomId);
    if (!room) {
      answer({ owner: false });
      return;
    }
    Promise.resolve(room.control(command, commandId)).then(
      (ack) => answer({ owner: true, ack }),
      (failure: unknown) => {
        logger.error({ err: failure, roomId }, 'A forwarded control failed');
        answer({ owner: true, ack: { ok: false, error: { code: 'internal', message: 'internal error' } } });
      },
    );
  });
}
