import type { IncomingMessage } from 'node:http';

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

/**
 * Reads a body of unknown length (chunked) and throws it away, stopping as soon as it passes `maxBytes`: tells
 * whether it was too large (413) or merely undeclared (411, the API reads only bodies of declared length).
 */
export function measureChunkedBody(req: IncomingMessage, maxBytes: number): Promise<{ tooLarge: boolean; bytesRead: number }> {
  return new Promise((resolve) => {
    let bytesRead = 0;
    const settle = (tooLarge: boolean) => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onFailure);
      resolve({ tooLarge, bytesRead });
    };
    const onData = (chunk: Buffer) => {
      bytesRead += chunk.length;
      if (bytesRead > maxBytes) settle(true);
    };
    const onEnd = () => settle(false);
    const onFailure = () => settle(false);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFailure);
  });
}
