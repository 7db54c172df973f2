import { IncomingMessage } from 'node:http';

/** How much of a refused body the server still reads (and throws away) so that its answer reaches the client. */
export const MAX_REFUSED_BODY_DRAIN_BYTES = 16 * 1024 * 1024;
export const MAX_REFUSED_BODY_DRAIN_MS = 10_000;

/** The body's declared length; undefined when the request has none (chunked, or no body). */
export function declaredBodyBytes(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  return raw === undefined ? undefined : Number(raw);
}

export const isChunked = (req: IncomingMessage) => /\bchunked\b/i.test(req.headers['transfer-encoding'] ?? '');

/**
 * Reads a refused body to its end and discards it, so that closing the connection afterwards does not reset it while
 * the client is still sending (a reset can drop the answer the client has not read yet). Bounded in bytes and time:
 * past either bound the connection is closed anyway. Settles when the body has ended or a bound is reached.
 */
export function drainRefusedBody(req: IncomingMessage, alreadyRead = 0): Promise<void> {
  return new Promise((resolve) => {
    let read = alreadyRead;
    const finish = () => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      resolve();
    };
    const giveUp = () => {
      finish();
      req.socket.destroySoon();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > MAX_REFUSED_BODY_DRAIN_BYTES) giveUp();
    };
    const timer = setTimeout(giveUp, MAX_REFUSED_BODY_DRAIN_MS);
    req.on('data', onData);
    req.once('end', finish);
    req.once('close', finish);
    req.once('error', finish);
    req.resume();
  });
}

export type ChunkedBody = { ok: true; body: Buffer } | { ok: false; bytesRead: number };

/** Reads a body of unknown length (chunked), stopping (and throwing it away) as soon as it passes `maxBytes`. */
export function readChunkedBody(req: IncomingMessage, maxBytes: number): Promise<ChunkedBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytesRead = 0;
    const settle = (result: ChunkedBody) => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onFailure);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      bytesRead += chunk.length;
      if (bytesRead > maxBytes) settle({ ok: false, bytesRead });
      else chunks.push(chunk);
    };
    const onEnd = () => settle({ ok: true, body: Buffer.concat(chunks) });
    const onFailure = () => settle({ ok: false, bytesRead });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFailure);
  });
}

/**
 * A copy of a request whose chunked body was read (above): same connection, method, target and headers, the body
 * as a stream of declared length. Next.js reads it as it would have read the original.
 */
export function requestWithBody(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, 'content-length': String(body.length) };
  delete headers['transfer-encoding'];
  copy.headers = headers;
  copy.rawHeaders = Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : value === undefined ? [] : [name, value]));
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}
