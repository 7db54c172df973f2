import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { scenarioDetail } from '@/lib/api/scenarioResources';
import { getServices } from '@/lib/server/services';
import { scenarioParamsSchema } from './request-schema';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const params = scenarioParamsSchema.safeParse(await context.params);
  const detail = params.success ? scenarioDetail(getServices().catalog, params.data.id) : undefined;
  if (!detail) return jsonError(404, 'not_found', 'No scenario has this id');
  return jsonOk(detail);
}
