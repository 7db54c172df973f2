import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import type { ScenarioSource } from '@/lib/queries/scenarioSourceQueries';
import { getServices } from '@/lib/server/services';
import { scenarioParamsSchema } from '../request-schema';

export const dynamic = 'force-dynamic';

/** The story's source text with its citation: what event quotes point into. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const params = scenarioParamsSchema.safeParse(await context.params);
  const story = params.success ? getServices().catalog.get(params.data.id) : undefined;
  if (!story) return jsonError(404, 'not_found', 'No scenario has this id');
  const source: ScenarioSource = { citation: story.scenario.source.citation, file: story.scenario.source.file, text: story.sourceText };
  return jsonOk(source);
}
