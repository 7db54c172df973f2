import type { Socket } from 'socket.io';
import { handshakeAuthSchema, LIVE_ROOM_ID, type ConnectErrorMessage, type SocketData } from '../protocol';
import type { RoomRegistry } from './roomRegistry';

/**
 * Checks `auth` of a new connection: a valid shape, an existing room, and — when a presenter key is given —
 * the right key. Sets `socket.data`; returns the connect error message when the connection is refused.
 */
export function authenticateHandshake(socket: Pick<Socket, 'handshake' | 'data'>, rooms: RoomRegistry): ConnectErrorMessage | undefined {
  const auth = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
  if (!auth.success) return 'invalid_handshake';
  const roomId = auth.data.room ?? LIVE_ROOM_ID;
  const room = rooms.get(roomId);
  if (!room) return 'not_found';
  let role: SocketData['role'] = 'viewer';
  if (auth.data.presenterKey !== undefined) {
    if (!room.isPresenterKey(auth.data.presenterKey)) return 'forbidden';
    role = 'presenter';
  }
  const data: SocketData = { roomId, role };
  socket.data = data;
  return undefined;
}
