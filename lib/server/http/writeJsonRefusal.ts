import type { ServerResponse } from 'node:http';
import type { ApiErrorCode } from '../../api/jsonResponses';
import { REQUEST_ID_HEADER } from './requestId';

export interface RefusalOptions {
  /** More response headers (`Allow`, `Connection: close`). */
  headers?: Record<string, string>;
  /** Keep the response open until this settles (the body is sent at once): lets the server read a refused body to its end. */
  endAfter?: Promise<unknown>;
}

/**
 * The one way the server answers a request it refuses before Next.js sees it: `{ error: { code, message } }` as JSON,
 * never cached, with the request id. Headers every response must carry belong here.
 */
export function writeJsonRefusal(res: ServerResponse, status: number, code: ApiErrorCode, message: string, requestId: string, options: RefusalOptions = {}): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    [REQUEST_ID_HEADER]: requestId,
    ...options.headers,
  });
  if (!options.endAfter) {
    res.end(body);
    return;
  }
  res.write(body);
  void options.endAfter.finally(() => res.end());
}
