import { deckResponse, editOptions } from '@/lib/api/deckResponses';
import { jsonError } from '@/lib/api/jsonResponses';
import { authorizePresenter } from '@/lib/api/presenterAuth';
import { bodyErrorResponse, readJsonBody } from '@/lib/api/readJsonBody';
import { describeIssues } from '@/lib/decks/deckResult';
import { getServices } from '@/lib/server/services';
import { deleteMomentQuerySchema, updateMomentBodySchema } from './request-schema';
import { answeringStorageFailures } from '@/lib/api/storageFailures';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ roomId: string; momentId: string }> };

/** Changes a moment's note, title, time, event, filter or chart. */
async function patchHandler(request: Request, context: Context): Promise<Response> {
  const services = getServices();
  const { roomId, momentId } = await context.params;
  const auth = await authorizePresenter(request, roomId, services);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return bodyErrorResponse(body);
  const parsed = updateMomentBodySchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, 'bad_request', describeIssues(parsed.error));
  const { patch, expectedVersion } = parsed.data;
  return deckResponse(await services.decks.updateMoment(auth.room.id, momentId, patch, editOptions(expectedVersion), services.nowMs()));
}

async function deleteHandler(request: Request, context: Context): Promise<Response> {
  const services = getServices();
  const { roomId, momentId } = await context.params;
  const auth = await authorizePresenter(request, roomId, services);
  if (!auth.ok) return auth.response;
  const query = deleteMomentQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, 'bad_request', describeIssues(query.error));
  const { expectedVersion } = query.data;
  return deckResponse(await services.decks.deleteMoment(auth.room.id, momentId, editOptions(expectedVersion), services.nowMs()));
}

export const PATCH = answeringStorageFailures(patchHandler);

export const DELETE = answeringStorageFailures(deleteHandler);
