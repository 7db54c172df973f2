import { ROOM_ID_PATTERN } from '../realtime/protocolVersion';
import type { ServedRoom } from '../realtime/server/servedRoom';
import type { SitrepServices } from '../server/services';
import { jsonError } from './jsonResponses';

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,256})$/;

/**
 * The room, if the request carries its presenter key as `Authorization: Bearer <key>`; otherwise the error response.
 * Decks hold presenter notes, so every deck request needs the key. A room not open is reopened from storage (which
 * rejects when the store is away).
 */
export async function authorizePresenter(
  request: Request,
  roomId: string,
  services: SitrepServices,
): Promise<{ ok: true; room: ServedRoom } | { ok: false; response: Response }> {
  const room = ROOM_ID_PATTERN.test(roomId) ? await services.rooms.resolve(roomId) : undefined;
  if (!room) return { ok: false, response: jsonError(404, 'not_found', 'No room has this id') };
  const key = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!key || !room.isPresenterKey(key)) {
    return { ok: false, response: jsonError(403, 'forbidden', 'This needs the room’s presenter key (Authorization: Bearer <key>)') };
  }
  return { ok: true, room };
}
