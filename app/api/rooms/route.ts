import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { bodyErrorResponse, readJsonBody } from '@/lib/api/readJsonBody';
import { CLIENT_ADDRESS_HEADER } from '@/lib/server/clientAddress';
import { getServices } from '@/lib/server/services';
import { createRoomBodySchema } from './request-schema';

export const dynamic = 'force-dynamic';

/** Creates a room replaying a story; the answer's presenter key is the only way to control it. */
export async function POST(request: Request): Promise<Response> {
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
  const created = services.rooms.create(parsed.data.scenarioId);
  if (!created.ok) {
    return created.code === 'not_found'
      ? jsonError(404, 'not_found', 'No scenario has this id')
      : jsonError(503, 'rate_limited', 'Too many rooms are open; try again later');
  }
  return jsonOk({ roomId: created.roomId, presenterKey: created.presenterKey, scenarioId: created.scenarioId }, { status: 201 });
}
