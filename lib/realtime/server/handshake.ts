import { LIVE_ROOM_ID, PROTOCOL_VERSION } from '../protocolVersion';
import type { Socket } from 'socket.io';
import { handshakeAuthSchema, type ConnectErrorMessage, type SocketData } from '../protocol';
import type { RoomRegistry } from './roomRegistry';

/**
 * Checks `auth` of a new connection: the protocol version first (a client of another version is told so, whatever
 * else it sent), then a valid shape, an existing room, and — when a presenter key is given — the right key. Sets
 * `socket.data` (the one place the handshake is parsed); returns the connect error message when it is refused.
 * Rejects when the room must be read from a store that does not answer.
 */
export async function authenticateHandshake(
  socket: Pick<Socket, 'handshake' | 'data'>,
  rooms: Pick<RoomRegistry, 'resolve'>,
): Promise<ConnectErrorMessage | undefined> {
  const raw: unknown = socket.handshake.auth ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'invalid_handshake';
  if ((raw as { protocol?: unknown }).protocol !== PROTOCOL_VERSION) return 'protocol_mismatch';
  const auth = handshakeAuthSchema.safeParse(raw);
  if (!auth.success) return 'invalid_handshake';
  const roomId = auth.data.room ?? LIVE_ROOM_ID;
  const room = await rooms.resolve(roomId);
  if (!room) return 'not_found';
  let role: SocketData['role'] = 'viewer';
  if (auth.data.presenterKey !== undefined) {
    if (!room.isPresenterKey(auth.data.presenterKey)) return 'forbidden';
    role = 'presenter';
  }
  const { lastSeq, epoch } = auth.data;
  const data: SocketData = { roomId, role, ...(lastSeq !== undefined && { resumeFrom: { lastSeq, ...(epoch !== undefined && { epoch }) } }) };
  socket.data = data;
  return undefined;
}
