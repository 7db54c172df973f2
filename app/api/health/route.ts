import { jsonOk } from '@/lib/api/jsonResponses';
import { getServices } from '@/lib/server/services';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  const { catalog, storyFailures, startedAtMs, nowMs } = getServices();
  return jsonOk({
    status: 'ok',
    uptimeSeconds: Math.round((nowMs() - startedAtMs) / 1000),
    stories: catalog.ids().length,
    refusedStories: storyFailures.map((f) => f.folder),
  });
}
