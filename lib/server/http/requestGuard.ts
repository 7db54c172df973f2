import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorCode } from '../../api/jsonResponses';
import { bodyTooLargeMessage, isJsonContentType, NOT_JSON_MESSAGE } from '../../api/readJsonBody';
import type { Logger } from '../logger';
import { allowedMethods, BODY_METHODS, matchAppRoute, maxBodyBytesFor, NEXT_INTERNAL_PREFIXES } from './appRoutes';
import { checkRequestTarget } from './checkRequestTarget';
import { declaredBodyBytes, drainRefusedBody, isChunked, readChunkedBody, requestWithBody } from './requestBody';
import { REQUEST_ID_HEADER, requestIdOf } from './requestId';
import { writeJsonRefusal, type RefusalOptions } from './writeJsonRefusal';

/** Paths are logged up to this length; queries never (they may carry anything, keys included). */
const MAX_LOGGED_PATH_CHARS = 200;

/** A request the guard let through, with what the rest of the server logs it by. */
export interface PassedRequest {
  requestId: string;
  log: Logger;
  /** The request to hand on when it is not the one received (a chunked body, read and given a length). */
  request?: IncomingMessage;
}

export interface GuardOptions {
  logger: Logger;
  /** Development mode: Next's own tooling paths take any method. */
  dev: boolean;
}

const pathOf = (rawTarget: string) => rawTarget.split(/[?#]/, 1)[0]!.slice(0, MAX_LOGGED_PATH_CHARS);

/**
 * Checks a request before Next.js sees it: its target, route, method, content type and body size. Refuses what does
 * not fit with a JSON 4xx (logged once, at info or warn) and returns undefined; otherwise returns the request's id and
 * logger, and logs the answer when it is sent. Every request gets an id, echoed in `X-Request-Id`.
 */
export async function guardRequest(req: IncomingMessage, res: ServerResponse, options: GuardOptions, expectsContinue = false): Promise<PassedRequest | undefined> {
  const requestId = requestIdOf(req);
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  const method = req.method ?? 'GET';
  const rawTarget = req.url ?? '';
  const log = options.logger.child({ requestId });
  const fields = { method, path: pathOf(rawTarget) };

  const refuse = (level: 'info' | 'warn', status: number, code: ApiErrorCode, message: string, refusal: RefusalOptions = {}) => {
    log[level]({ ...fields, status, code }, `Request refused: ${message}`);
    writeJsonRefusal(res, status, code, message, requestId, refusal);
    return undefined;
  };

  const declared = declaredBodyBytes(req);
  // Whether the client is sending its body: always, unless it waits for a 100 Continue not yet sent.
  let sending = !expectsContinue;
  const goOn = () => {
    if (!sending) res.writeContinue();
    sending = true;
  };
  // The route is looked up before anything is refused, for its body limit (4 KB, more for a story saved from the
  // studio); a target that does not pass its checks has the 4 KB limit and is refused below.
  const internal = NEXT_INTERNAL_PREFIXES.some((prefix) => rawTarget.startsWith(prefix));
  const target = checkRequestTarget(rawTarget);
  const route = internal || !target.ok ? undefined : matchAppRoute(target.segments);
  const maxBodyBytes = maxBodyBytesFor(route, method);

  // Connection: close, and a body being sent read to its end (bounded) before closing: the 413 reaches even a fast sender.
  const refuseTooLarge = (alreadyRead: number) =>
    refuse('info', 413, 'too_large', bodyTooLargeMessage(maxBodyBytes), {
      headers: { connection: 'close' },
      ...(sending && { endAfter: drainRefusedBody(req, alreadyRead) }),
    });
  // Refused first: whatever else is wrong, a large body being sent must be read off. (Next's own development
  // tooling excepted: it posts larger bodies.)
  if (declared !== undefined && declared > maxBodyBytes && !(internal && options.dev)) return refuseTooLarge(0);

  if (!target.ok) return refuse('warn', target.status, target.code, target.message);

  if (!internal && !route) return refuse('info', 404, 'not_found', 'No page or API route has this path');
  const allow = route ? allowedMethods(route) : options.dev ? undefined : ['GET', 'HEAD'];
  if (allow && !allow.includes(method)) {
    return refuse('info', 405, 'method_not_allowed', `${method} is not allowed here (allowed: ${allow.join(', ')})`, { headers: { allow: allow.join(', ') } });
  }

  if (route?.kind === 'api' && BODY_METHODS.includes(method)) {
    if (!isJsonContentType(req.headers['content-type'])) return refuse('info', 415, 'unsupported_media_type', NOT_JSON_MESSAGE);
    goOn();
    if (declared === undefined && isChunked(req)) {
      // Counted as it comes: a chunked body over the limit gets the same 413 as a declared one; one within it is
      // handed on as a request of declared length.
      const body = await readChunkedBody(req, maxBodyBytes);
      if (!body.ok) return refuseTooLarge(body.bytesRead);
      logAnswer(res, log, fields);
      return { requestId, log, request: requestWithBody(req, body.body) };
    }
  }
  goOn();

  logAnswer(res, log, fields);
  return { requestId, log };
}

/** Logs the answer to a request that was let through: errors at error, client mistakes at info, the rest at debug. */
function logAnswer(res: ServerResponse, log: Logger, fields: { method: string; path: string }) {
  const startedMs = performance.now();
  res.once('close', () => {
    const status = res.statusCode;
    const entry = { ...fields, status, durationMs: Math.round(performance.now() - startedMs), ...(!res.writableFinished && { aborted: true }) };
    if (status >= 500) log.error(entry, 'Request failed');
    else if (status >= 400) log.info(entry, 'Request answered');
    else log.debug(entry, 'Request answered');
  });
}
