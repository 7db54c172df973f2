import type { IncomingMessage, ServerResponse } from 'node:http';
import { stampClientAddress } from '../clientAddress';
import { guardRequest, type GuardOptions } from './requestGuard';
import { writeJsonRefusal } from './writeJsonRefusal';

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
        if (passed) options.handle(req, res).catch((error: unknown) => fail(error, passed.requestId));
      },
      (error: unknown) => fail(error, undefined),
    );
  };
}
