import { assertNever } from '@/lib/assertNever';
import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { bodyErrorResponse, readJsonBody } from '@/lib/api/readJsonBody';
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/clientAddress';
import { getServices } from '@/lib/server/services';
import { createRoomBodySchema } from './request-schema';
import { answeringStorageFailures } from '@/lib/api/storageFailures';

export const dynamic = 'force-dynamic';

/** Creates a room replaying a story; the answer's presenter key is the only way to control it. */
async function postHandler(request: Request): Promise<Response> {
  const services = getServices();
  const address = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
  if (!(await services.allowRoomCreation(address))) {
    return jsonError(429, 'rate_limited', `at most ${services.roomCreationsPerMinute} rooms per minute`);
  }
  const body = await readJsonBody(request);
  if (!body.ok) return bodyErrorResponse(body);
  const parsed = createRoomBodySchema.safeParse(body.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, 'bad_request', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  const created = await services.rooms.create(parsed.data.scenarioId);
  if (!created.ok) {
    switch (created.code) {
      case 'not_found':
        return jsonError(404, 'not_found', 'No scenario has this id');
      case 'too_many_rooms':
        return jsonError(503, 'rate_limited', 'Too many rooms are open; try again later');
      case 'too_many_stored_rooms':
        return jsonError(507, 'rate_limited', `The server keeps at most ${services.rooms.maxStoredRooms} rooms; none can be added`);
      default:
        return assertNever(created.code, 'room creation failure');
    }
  }
  return jsonOk({ roomId: created.roomId, presenterKey: created.presenterKey, scenarioId: created.scenarioId }, { status: 201 });
}

export const POST = answeringStorageFailures(postHandler);
