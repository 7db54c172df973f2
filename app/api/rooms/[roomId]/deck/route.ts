import { authorizePresenter } from '@/lib/api/presenterAuth';
import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { getServices } from '@/lib/server/services';

export const dynamic = 'force-dynamic';

/** The room's deck, notes included: presenter only. */
export async function GET(request: Request, context: { params: Promise<{ roomId: string }> }): Promise<Response> {
  const services = getServices();
  const auth = authorizePresenter(request, (await context.params).roomId, services);
  if (!auth.ok) return auth.response;
  const deck = services.decks.getDeck(auth.room.id);
  return deck ? jsonOk({ deck }) : jsonError(404, 'not_found', 'This room has no deck');
}
