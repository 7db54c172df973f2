import { jsonError } from './jsonResponses';

/** Request bodies of the API are small JSON documents; anything larger is refused before it is read in full. */
export const MAX_JSON_BODY_BYTES = 4 * 1024;
/**
 * Except a story saved from the studio: its source text and events. A long article is 50-100 KB of text and its
 * events a few hundred KB of JSON; 2 MB leaves room for several times that and still refuses a pasted 10 MB file.
 */
export const MAX_STORY_BODY_BYTES = 2 * 1024 * 1024;
const BYTES_PER_MB = 1024 * 1024;

/** Whether a `content-type` header names JSON (the only body type the API reads). */
export function isJsonContentType(contentType: string | undefined | null): boolean {
  return /^application\/json\b/i.test(contentType ?? '');
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/** The error response for a body that could not be read. */
export function bodyErrorResponse(body: Extract<JsonBody, { ok: false }>): Response {
  return jsonError(body.status, bodyErrorCode(body.status), body.message);
}

function bodyErrorCode(status: 400 | 413 | 415) {
  return status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';
}

/** The message of a refused body: shared by the routes and the server's early refusal. */
export const bodyTooLargeMessage = (maxBytes: number) =>
  maxBytes >= BYTES_PER_MB ? `the body must be at most ${maxBytes / BYTES_PER_MB} MB (${maxBytes} bytes)` : `the body must be at most ${maxBytes} bytes`;
export const NOT_JSON_MESSAGE = 'expected a JSON body (content-type: application/json)';

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  if (!isJsonContentType(request.headers.get('content-type'))) return { ok: false, status: 415, message: NOT_JSON_MESSAGE };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, status: 413, message: bodyTooLargeMessage(maxBytes) };
  if (!request.body) return { ok: false, status: 400, message: 'the body is empty' };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, status: 413, message: bodyTooLargeMessage(maxBytes) };
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'the body is not valid JSON' };
  }
}
