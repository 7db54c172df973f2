import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiErrorCode } from '../../api/jsonResponses';
import { jsonAnswerSecurityHeaders } from '../../http/securitySettings';
import { REQUEST_ID_HEADER } from './requestId';

export interface RefusalOptions {
  /** More response headers (`Allow`, `Connection: close`). */
  headers?: Record<string, string>;
  /** Keep the response open until this settles (the body is sent at once): lets the server read a refused body to its end. */
  endAfter?: Promise<unknown>;
}

/** Body and headers of every early refusal: headers every response must carry belong here. */
function refusal(status: number, code: ApiErrorCode, message: string, requestId: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ error: { code, message } });
  return {
    body,
    headers: {
      ...jsonAnswerSecurityHeaders(),
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-store',
      [REQUEST_ID_HEADER]: requestId,
      ...headers,
    },
  };
}

/**
 * The one way the server answers a request it refuses before Next.js sees it: `{ error: { code, message } }` as JSON,
 * never cached, with the request id.
 */
export function writeJsonRefusal(res: ServerResponse, status: number, code: ApiErrorCode, message: string, requestId: string, options: RefusalOptions = {}): void {
  const { body, headers } = refusal(status, code, message, requestId, options.headers);
  res.writeHead(status, headers);
  if (!options.endAfter) {
    res.end(body);
    return;
  }
  res.write(body);
  void options.endAfter.finally(() => res.end());
}

/** The same refusal written on a bare connection, for a request Node's parser rejected (no response object exists). */
export function writeRawJsonRefusal(socket: Duplex, status: number, code: ApiErrorCode, message: string, requestId: string): void {
  const { body, headers } = refusal(status, code, message, requestId, { connection: 'close' });
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${head}\r\n${body}`);
}
