import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { storyAtRequestedVersion } from '@/lib/api/storyAtVersion';
import type { ScenarioSource } from '@/lib/queries/scenarioSourceQueries';
import { getServices } from '@/lib/server/services';
import { scenarioParamsSchema } from '../request-schema';

export const dynamic = 'force-dynamic';

/** The story's source text with its citation: what event quotes point into. `?version=` as for the story itself. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const params = scenarioParamsSchema.safeParse(await context.params);
  if (!params.success) return jsonError(404, 'not_found', 'No scenario has this id');
  const found = storyAtRequestedVersion(getServices(), params.data.id, new URL(request.url).searchParams.get('version'));
  if (!found.ok) return found.response;
  const { scenario, sourceText } = found.story;
  const source: ScenarioSource = { citation: scenario.source.citation, file: scenario.source.file, text: sourceText };
  return jsonOk(source);
}
