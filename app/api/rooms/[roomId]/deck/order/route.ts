import { deckResponse, editOptions } from '@/lib/api/deckResponses';
import { jsonError } from '@/lib/api/jsonResponses';
import { authorizePresenter } from '@/lib/api/presenterAuth';
import { bodyErrorResponse, readJsonBody } from '@/lib/api/readJsonBody';
import { describeIssues } from '@/lib/decks/deckResult';
import { getServices } from '@/lib/server/services';
import { reorderBodySchema } from './request-schema';
import { answeringStorageFailures } from '@/lib/api/storageFailures';

export const dynamic = 'force-dynamic';

/** Puts the moments in the given order (every moment of the deck, once). */
async function putHandler(request: Request, context: { params: Promise<{ roomId: string }> }): Promise<Response> {
  const services = getServices();
  const auth = await authorizePresenter(request, (await context.params).roomId, services);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return bodyErrorResponse(body);
  const parsed = reorderBodySchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, 'bad_request', describeIssues(parsed.error));
  const { momentIds, expectedVersion } = parsed.data;
  return deckResponse(await services.decks.reorderMoments(auth.room.id, momentIds, editOptions(expectedVersion), services.nowMs()));
}

export const PUT = answeringStorageFailures(putHandler);
