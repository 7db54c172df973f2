import { editorRefusal } from '@/lib/api/editorAuth';
import { jsonError, jsonOk } from '@/lib/api/jsonResponses';
import { bodyErrorResponse, MAX_STORY_BODY_BYTES, readJsonBody } from '@/lib/api/readJsonBody';
import { describeIssues } from '@/lib/decks/deckResult';
import { formatProblem } from '@/lib/events/problems';
import { getServices } from '@/lib/server/services';
import { editableStory } from '@/lib/server/studio/editableStory';
import { saveStoryBodySchema, storyParamsSchema } from './request-schema';

export const dynamic = 'force-dynamic';

const NOT_A_SLUG = 'A story id is a slug: lowercase letters and digits joined by single hyphens, at most 120 characters';

/** The story's files as the studio edits them, with its version. Public: reading needs no key. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const params = storyParamsSchema.safeParse(await context.params);
  if (!params.success) return jsonError(400, 'bad_request', NOT_A_SLUG);
  const result = await editableStory(getServices().stories, params.data.id);
  if (result.ok) return jsonOk(result.story);
  if (result.code === 'not_found') return jsonError(404, 'not_found', 'No story has this id');
  return jsonError(422, 'invalid_story', 'The story folder on disk is refused by the checker', { extra: { problems: result.problems } });
}

/**
 * Saves the story (needs the editor key): 200 `{ id, version }`; 409 when `baseVersion` is not the stored version
 * (nothing is overwritten); 422 with every problem when the checker refuses it (nothing is written).
 */
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const services = getServices();
  const refusal = editorRefusal(request, services.editorKeyDigest);
  if (refusal) return refusal;
  const params = storyParamsSchema.safeParse(await context.params);
  if (!params.success) return jsonError(400, 'bad_request', NOT_A_SLUG);
  const body = await readJsonBody(request, MAX_STORY_BODY_BYTES);
  if (!body.ok) return bodyErrorResponse(body);
  const parsed = saveStoryBodySchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, 'bad_request', describeIssues(parsed.error));
  const id = params.data.id;
  const saved = await services.saveStory(id, parsed.data);
  if (saved.ok) return jsonOk({ id, version: saved.version });
  if (saved.code === 'conflict') return jsonError(409, 'conflict', saved.message, { extra: { currentVersion: saved.currentVersion } });
  const count = saved.problems.length;
  const first = saved.problems[0] ? `: ${formatProblem(saved.problems[0])}${count > 1 ? ' …' : ''}` : '';
  const message = `The story is refused (${count} problem${count === 1 ? '' : 's'}); nothing was written${first}`;
  return jsonError(422, 'invalid_story', message, { extra: { problems: saved.problems } });
}
