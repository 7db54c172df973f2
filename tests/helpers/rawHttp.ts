import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as given: no normalisation, no escaping. */
  target: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body as chunks of this many bytes with chunked transfer encoding. */
  chunkBytes?: number;
}

function decodeChunked(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function parseResponse(raw: Buffer): RawResponse {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd === -1) throw new Error(`no complete response head in ${raw.length} bytes`);
  const [statusLine = '', ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = raw.subarray(headEnd + 4);
  const body = /chunked/i.test(headers['transfer-encoding'] ?? '') ? decodeChunked(rest) : rest;
  return { status: Number(statusLine.split(' ')[1]), headers, body: body.toString('utf8') };
}

/**
 * One request over a fresh TCP connection (`Connection: close`), written as fast as the socket takes it: the target
 * and headers go out byte for byte, which fetch would not allow. Rejects on a connection error (ECONNRESET included).
 */
export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      try {
        resolve(parseResponse(Buffer.concat(received)));
      } catch (error) {
        reject(error as Error);
      }
    });
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers: Record<string, string> = { host: '127.0.0.1', connection: 'close', ...request.headers };
    if (body && request.chunkBytes) headers['transfer-encoding'] = 'chunked';
    else if (body && headers['content-length'] === undefined) headers['content-length'] = String(body.length);
    const head = `${request.method ?? 'GET'} ${request.target} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    socket.write(Buffer.from(head, 'utf8'));
    if (body && request.chunkBytes) {
      for (let at = 0; at < body.length; at += request.chunkBytes) {
        const chunk = body.subarray(at, at + request.chunkBytes);
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n');
      }
      socket.write('0\r\n\r\n');
    } else if (body) {
      socket.write(body);
    }
  });
}

/** Text that only a stack trace or an internal error page would show. */
export const STACK_TRACE_PATTERN = /\bat [\w.<>]+ \(|node:internal|webpack|\.js:\d+:\d+|Internal Server Error/;
