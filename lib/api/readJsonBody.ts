import { jsonError } from './jsonResponses';

/** Request bodies of the API are small JSON documents; anything larger is refused before it is read in full. */
export const MAX_JSON_BODY_BYTES = 4 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; message: string };

/** The error response for a body that could not be read. */
export function bodyErrorResponse(body: Extract<JsonBody, { ok: false }>): Response {
  return jsonError(body.status, body.status === 413 ? 'too_large' : 'bad_request', body.message);
}

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) return { ok: false, status: 415, message: 'expected a JSON body (content-type: application/json)' };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return { ok: false, status: 413, message: `the body must be at most ${maxBytes} bytes` };
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
      return { ok: false, status: 413, message: `the body must be at most ${maxBytes} bytes` };
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
