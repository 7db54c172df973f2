import { ifNoneMatchHits, strongEtag } from '@/lib/api/entityTags';
import { jsonError } from '@/lib/api/jsonResponses';
import { scenarioDetailJson } from '@/lib/api/scenarioResources';
import { getServices } from '@/lib/server/services';
import { scenarioParamsSchema } from './request-schema';

export const dynamic = 'force-dynamic';

/**
 * The story a room replays, loaded once by each screen. Its `ETag` is the story's content version: a client that
 * holds it gets 304 with no body; `no-cache` makes browsers ask again (cheaply) rather than trust an old copy.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const params = scenarioParamsSchema.safeParse(await context.params);
  const catalog = getServices().catalog;
  const version = params.success ? catalog.version(params.data.id) : undefined;
  if (!params.success || version === undefined) return jsonError(404, 'not_found', 'No scenario has this id');
  const etag = strongEtag(version);
  const headers = { etag, 'cache-control': 'no-cache' };
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  const body = scenarioDetailJson(catalog, params.data.id) as string;
  return new Response(body, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}
