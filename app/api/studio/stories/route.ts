import { jsonOk } from '@/lib/api/jsonResponses';
import { getServices } from '@/lib/server/services';

export const dynamic = 'force-dynamic';

/** The stories the studio can open, with the version a save of each must start from. Public: reading needs no key. */
export function GET(): Response {
  const { catalog } = getServices();
  const stories = catalog.ids().map((id) => ({ id, title: catalog.get(id)?.scenario.title ?? id, version: catalog.version(id) as string }));
  return jsonOk({ stories });
}
