import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger';
import { stampClientAddress } from '../clientAddress';
import { guardRequest, type GuardOptions } from './requestGuard';
import { writeJsonRefusal, writeRawJsonRefusal } from './writeJsonRefusal';

export interface RequestListenerOptions extends GuardOptions {
  /** Next.js's request handler. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

/**
 * The HTTP server's request listener: the guard first, then Next.js. Nothing thrown reaches the client as a stack
 * trace: a failure is logged with its request id and answered with a JSON 500. Also serves `checkContinue` (pass
 * `expectsContinue`), so that a body the guard refuses is never asked for.
 */
export function createRequestListener(options: RequestListenerOptions) {
  return (req: IncomingMessage, res: ServerResponse, expectsContinue = false): void => {
    stampClientAddress(req);
    const fail = (error: unknown, requestId: string | undefined) => {
      options.logger.error({ err: error, requestId }, 'Request failed');
      if (!res.headersSent) writeJsonRefusal(res, 500, 'internal', 'Internal server error', requestId ?? 'none');
      else res.end();
    };
    guardRequest(req, res, options, expectsContinue).then(
      (passed) => {
        if (passed) options.handle(passed.request ?? req, res).catch((error: unknown) => fail(error, passed.requestId));
      },
      (error: unknown) => fail(error, undefined),
    );
  };
}

/**
 * The server's `clientError` listener: a request Node's parser refused (a method it does not know, bytes a request
 * line may not hold, headers too large) is answered with the same JSON refusal instead of Node's empty 400.
 */
export function answerClientError(logger: Logger) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (!socket.writable || (error as { code?: string }).code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    logger.info({ requestId, status, parserCode: error.code }, 'Request refused: not a request Node.js can parse');
    writeRawJsonRefusal(socket, status, 'bad_request', 'the request could not be parsed', requestId);
  };
}
