import { ROOM_ID_PATTERN } from '@/lib/realtime/protocolVersion';
import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { getServices } from '@/lib/server/services';
import { answeringStorageFailures } from '@/lib/api/storageFailures';

export const dynamic = 'force-dynamic';

/** Public facts about a room: its story and how many are watching. Never its key. */
async function getHandler(_request: Request, context: { params: Promise<{ roomId: string }> }): Promise<Response> {
  const { roomId } = await context.params;
  const services = getServices();
  const room = ROOM_ID_PATTERN.test(roomId) ? await services.rooms.resolve(roomId) : undefined;
  if (!room) return jsonError(404, 'not_found', 'No room has this id');
  return jsonOk({ roomId: room.id, scenarioId: room.scenarioId, viewers: await services.viewers(room.id) });
}

export const GET = answeringStorageFailures(getHandler);
