/** JSON error bodies share one shape: `{ error: { code, message } }`. */
export type ApiErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'internal'
  | 'unauthorized'
  | 'forbidden'
  | 'too_large'
  | 'rate_limited'
  | 'conflict'
  | 'invalid_story'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'uri_too_long'
  | 'storage_unavailable';

export function jsonError(status: number, code: ApiErrorCode, message: string, init: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {}): Response {
  return Response.json({ error: { code, message }, ...init.extra }, { status, headers: { 'cache-control': 'no-store', ...init.headers } });
}

export function jsonOk(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { 'cache-control': 'no-store', ...init.headers } });
}
