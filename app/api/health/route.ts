import { jsonOk } from '@/lib/api/jsonResponses';
import { getServices } from '@/lib/server/services';
import { probe } from '@/lib/server/healthProbe';

export const dynamic = 'force-dynamic';

/**
 * The node's state: 200 while it serves (a load balancer keeps sending it screens), with the state of its store.
 * A store (or Redis) that does not answer is reported, not failed on: every node shares it, so failing them all would
 * help no one.
 */
export async function GET(): Promise<Response> {
  const { catalog, storyFailures, startedAtMs, nowMs, storage, redis } = getServices();
  const [store, shared] = await Promise.all([probe(() => storage.ping()), redis?.health()]);
  return jsonOk({
    status: store.state === 'ok' && (shared === undefined || shared.state === 'ok') ? 'ok' : 'degraded',
    uptimeSeconds: Math.round((nowMs() - startedAtMs) / 1000),
    stories: catalog.ids().length,
    refusedStories: storyFailures.map((f) => f.folder),
    storage: { engine: storage.engine, ...store },
    ...(shared && { redis: shared }),
  });
}
