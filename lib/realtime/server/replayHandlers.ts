import { RateLimiterMemory } from 'rate-limiter-flexible';
import { assertNever } from '../../assertNever';
import type { Clock } from '../../replay/clock';
import type { Logger } from '../../server/logger';
import {
  CLIENT_EVENT_NAMES,
  controlPayloadSchema,
  resumePayloadSchema,
  type ControlAck,
  type ControlPayload,
  type ProtocolError,
  type ResumeAck,
} from '../protocol';
import type { SitrepSocket } from './attachRealtime';
import type { Presence } from './presence';
import type { RoomRegistry } from './roomRegistry';
import type { RoomCommand, ServedRoom } from './servedRoom';
import { catchUp, snapshotPayload } from './wireMessages';

export interface ReplayHandlerDeps {
  rooms: RoomRegistry;
  clock: Clock;
  logger: Logger;
  presence: Presence;
  controlsPerSecond: number;
}

type Ack<T> = (answer: T) => void;

function toCommand(payload: ControlPayload): RoomCommand {
  switch (payload.type) {
    case 'seek':
      return { type: 'seek', toMs: Date.parse(payload.to) };
    case 'rate':
      return { type: 'rate', storySecondsPerSecond: payload.storySecondsPerSecond };
    case 'step':
      return { type: 'step', direction: payload.direction };
    case 'present':
      return { type: 'present', presentation: payload.presentation };
    case 'play':
    case 'pause':
      return { type: payload.type };
    default:
      return assertNever(payload, 'control payload');
  }
}

function invalid(issues: { path: PropertyKey[]; message: string }[]): ProtocolError {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  return { code: 'invalid_payload', message: `${where}${first?.message ?? 'invalid payload'}` };
}

/** The acknowledgement callback of a message, if the client asked for one. */
function ackOf<T>(args: unknown[]): Ack<T> | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Ack<T>) : undefined;
}

/**
 * Sends the joining client what it lacks — the messages it missed since the seq its handshake named (same epoch),
 * or a snapshot — then joins it to the room.
 */
async function join(socket: SitrepSocket, room: ServedRoom, deps: ReplayHandlerDeps): Promise<void> {
  const from = socket.data.resumeFrom;
  const now = () => deps.clock.now();
  if (from) await catchUp(socket, room, from, now);
  else socket.emit('replay:snapshot', await snapshotPayload(room, now(), false));
  if (socket.disconnected) return; // it left while the room's state was read: nothing to count
  void socket.join(room.id);
  socket.data.joined = true;
  deps.rooms.connected(room.id, 1);
  deps.presence.changed(room.id);
}

export function registerReplayHandlers(socket: SitrepSocket, deps: ReplayHandlerDeps): void {
  const { roomId, role } = socket.data;
  const room = deps.rooms.get(roomId);
  if (!room) {
    socket.disconnect(true);
    return;
  }
  const limiter = new RateLimiterMemory({ points: deps.controlsPerSecond, duration: 1 });
  const log = deps.logger.child({ roomId: room.id, socketId: socket.id });
  log.debug({ role }, 'Socket joined');

  /** Runs a handler so that nothing it throws or rejects can reach the event loop. */
  const guarded =
    <T>(name: string, handler: (args: unknown[], ack: Ack<T> | undefined) => Promise<void> | void, failure: T) =>
    (...args: unknown[]) => {
      const ack = ackOf<T>(args);
      const fail = (error: unknown) => {
        log.error({ err: error, handler: name }, `Handler ${name} failed`);
        try {
          ack?.(failure);
        } catch {
          // the client is gone
        }
      };
      try {
        const result = handler(args, ack);
        if (result instanceof Promise) result.catch(fail);
      } catch (error) {
        fail(error);
      }
    };

  const internal = { ok: false as const, error: { code: 'internal' as const, message: 'internal error' } };

  socket.on(
    'replay:control',
    guarded<ControlAck>(
      'replay:control',
      async (args, ack) => {
        if (!ack) return; // a control must be acknowledged; one sent without a callback is ignored
        try {
          await limiter.consume(socket.id);
        } catch {
          ack({ ok: false, error: { code: 'rate_limited', message: `at most ${deps.controlsPerSecond} controls per second` } });
          return;
        }
        const parsed = controlPayloadSchema.safeParse(args[0]);
        if (!parsed.success) {
          ack({ ok: false, error: invalid(parsed.error.issues) });
          return;
        }
        if (role !== 'presenter') {
          ack({ ok: false, error: { code: 'forbidden', message: 'only the presenter can control this room' } });
          return;
        }
        const current = deps.rooms.get(roomId);
        if (!current) {
          ack({ ok: false, error: { code: 'not_found', message: 'this room is closed' } });
          return;
        }
        ack(await current.control(toCommand(parsed.data), parsed.data.commandId));
      },
      internal,
    ),
  );

  socket.on(
    'replay:resume',
    guarded<ResumeAck>(
      'replay:resume',
      async (args, ack) => {
        const parsed = resumePayloadSchema.safeParse(args[0]);
        if (!parsed.success) {
          ack?.({ ok: false, error: invalid(parsed.error.issues) });
          return;
        }
        const current = deps.rooms.get(roomId);
        if (!current) {
          ack?.({ ok: false, error: { code: 'not_found', message: 'this room is closed' } });
          return;
        }
        const { resent, gap } = await catchUp(socket, current, { lastSeq: parsed.data.lastSeq }, () => deps.clock.now());
        ack?.({ ok: true, resent, ...(gap && { gap: true }), serverNowMs: deps.clock.now() });
      },
      internal,
    ),
  );

  // An event the server does not handle is still answered when it asks for an answer: a client awaiting it must not hang.
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if ((CLIENT_EVENT_NAMES as readonly unknown[]).includes(event)) return;
    ackOf<ControlAck>(args)?.({ ok: false, error: { code: 'unknown_event', message: `the server handles only ${CLIENT_EVENT_NAMES.join(' and ')}` } });
  });

  socket.on('disconnect', () => {
    if (!socket.data.joined) return;
    deps.rooms.connected(roomId, -1);
    deps.presence.changed(roomId);
  });

  join(socket, room, deps).catch((error: unknown) => {
    // The room's state could not be read (a cluster's shared state is away). The transport is closed, not the
    // Socket.IO session: a client reconnects by itself after a transport close, never after a server disconnect.
    log.error({ err: error }, 'Joining the room failed');
    socket.conn.close();
  });
}
