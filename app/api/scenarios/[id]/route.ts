import { ifNoneMatchHits, strongEtag } from '@/lib/api/entityTags';
import { jsonError } from '@/lib/api/jsonResponses';
import { storyDetailJson } from '@/lib/api/scenarioResources';
import { storyAtRequestedVersion } from '@/lib/api/storyAtVersion';
import { getServices } from '@/lib/server/services';
import { scenarioParamsSchema } from './request-schema';

export const dynamic = 'force-dynamic';

/**
 * The story a room replays, loaded once by each screen. Its `ETag` is the story's content version: a client that
 * holds it gets 304 with no body; `no-cache` makes browsers ask again (cheaply) rather than trust an old copy.
 * `?version=<storyVersion>` asks for one version: the newest, or an older one a room still replays (a room keeps the
 * version it started with when its story is saved again); without it the newest is served.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const params = scenarioParamsSchema.safeParse(await context.params);
  if (!params.success) return jsonError(404, 'not_found', 'No scenario has this id');
  const found = storyAtRequestedVersion(getServices(), params.data.id, new URL(request.url).searchParams.get('version'));
  if (!found.ok) return found.response;
  const etag = strongEtag(found.version);
  const headers = { etag, 'cache-control': 'no-cache' };
  if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(storyDetailJson(found.story, found.version), { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}
