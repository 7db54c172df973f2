import { authorizePresenter } from '@/lib/api/presenterAuth';
import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { getServices } from '@/lib/server/services';
import { answeringStorageFailures } from '@/lib/api/storageFailures';

export const dynamic = 'force-dynamic';

/** The room's deck, notes included: presenter only. */
async function getHandler(request: Request, context: { params: Promise<{ roomId: string }> }): Promise<Response> {
  const services = getServices();
  const auth = await authorizePresenter(request, (await context.params).roomId, services);
  if (!auth.ok) return auth.response;
  const deck = await services.decks.getDeck(auth.room.id);
  return deck ? jsonOk({ deck }) : jsonError(404, 'not_found', 'This room has no deck');
}

export const GET = answeringStorageFailures(getHandler);
