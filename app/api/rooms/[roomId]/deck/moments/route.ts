import { deckResponse } from '@/lib/api/deckResponses';
import { jsonError } from '@/lib/api/jsonResponses';
import { authorizePresenter } from '@/lib/api/presenterAuth';
import { bodyErrorResponse, readJsonBody } from '@/lib/api/readJsonBody';
import { describeIssues } from '@/lib/decks/deckResult';
import { getServices } from '@/lib/server/services';
import { newMomentId } from '@/lib/storage/momentIds';
import { addMomentBodySchema } from './request-schema';
import { answeringStorageFailures } from '@/lib/api/storageFailures';

export const dynamic = 'force-dynamic';

/** Marks a moment: adds it at the end of the deck, or before `atIndex`. */
async function postHandler(request: Request, context: { params: Promise<{ roomId: string }> }): Promise<Response> {
  const services = getServices();
  const auth = await authorizePresenter(request, (await context.params).roomId, services);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request);
  if (!body.ok) return bodyErrorResponse(body);
  const parsed = addMomentBodySchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, 'bad_request', describeIssues(parsed.error));
  const { moment, atIndex, expectedVersion } = parsed.data;
  const options = { ...(atIndex !== undefined && { atIndex }), ...(expectedVersion !== undefined && { expectedVersion }) };
  return deckResponse(await services.decks.addMoment(auth.room.id, moment, options, services.nowMs(), newMomentId()), 201);
}

export const POST = answeringStorageFailures(postHandler);
