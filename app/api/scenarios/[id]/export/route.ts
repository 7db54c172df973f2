import { jsonError } from '@/lib/api/jsonResponses';
import { DOWNLOAD_FORMATS, downloadHeaders, isDownloadFormat, storyExportText } from '@/lib/api/storyDownloads';
import { getServices } from '@/lib/server/services';
import { zipStoryFolder } from '@/lib/server/storyFolderZip';
import { scenarioParamsSchema } from '../request-schema';

export const dynamic = 'force-dynamic';

/**
 * A story as a download: `?format=timelinejs` (TimelineJS JSON), `csv` (one event per row) or `zip` (the story
 * folder as on disk). Public, like the story itself.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const params = scenarioParamsSchema.safeParse(await context.params);
  const services = getServices();
  const story = params.success ? services.catalog.get(params.data.id) : undefined;
  const version = params.success ? services.catalog.version(params.data.id) : undefined;
  if (!params.success || !story || version === undefined) return jsonError(404, 'not_found', 'No scenario has this id');
  const format = new URL(request.url).searchParams.get('format');
  if (!isDownloadFormat(format)) return jsonError(400, 'bad_request', `Give the format: ?format=${DOWNLOAD_FORMATS.join(', ?format=')}`);
  const { id } = params.data;
  if (format !== 'zip') return new Response(storyExportText(story, format), { status: 200, headers: downloadHeaders(id, format) });
  const zipped = await zipStoryFolder(services.eventsDir, id, version, story.scenario.source.file);
  if (!zipped.ok) return jsonError(409, 'conflict', 'The story folder on disk is not the version served (edited or removed since it was loaded): try again once the server has reloaded it');
  return new Response(zipped.bytes as BodyInit, { status: 200, headers: downloadHeaders(id, format) });
}
