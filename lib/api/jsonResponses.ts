/** JSON error bodies share one shape: `{ error: { code, message } }`. */
export type ApiErrorCode =
  | 'not_found'
  | 'bad_request'
  | 'internal'
  | 'forbidden'
  | 'too_large'
  | 'rate_limited'
  | 'conflict'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'uri_too_long';

export function jsonError(status: number, code: ApiErrorCode, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });
}

export function jsonOk(body: unknown, init: ResponseInit = {}): Response {
  return Response.json(body, { ...init, headers: { 'cache-control': 'no-store', ...init.headers } });
}
