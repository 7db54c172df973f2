import { jsonOk } from '@/lib/api/jsonResponses';
import { scenarioList } from '@/lib/api/scenarioResources';
import { getServices } from '@/lib/server/services';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return jsonOk(scenarioList(getServices().catalog));
}
