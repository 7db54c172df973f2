import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Duplex } from 'node:stream';
import { StateWaiters } from './stateWaiters';

/** WebSocket opcodes this client reads or writes (RFC 6455, 5.2). */
const OPCODE_TEXT = 0x1;
const OPCODE_BINARY = 0x2;
const OPCODE_CLOSE = 0x8;
const OPCODE_PING = 0x9;
const OPCODE_PONG = 0xa;

/** One client frame: FIN set, masked as a client must, with the 7-, 16- or 64-bit length form. */
function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = 0x80 | length;
  else if (length < 65_536) {
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i] = (masked[i] as number) ^ (mask[i % 4] as number);
  return Buffer.concat([header, mask, masked]);
}

/**
 * A bare WebSocket to Socket.IO's endpoint (`/socket.io/?EIO=4&transport=websocket`), written by hand so that a test
 * can send any text frame — engine.io and Socket.IO packets the real client would never write — and read what the
 * server answers. Server frames are unmasked and unfragmented in practice (engine.io sends whole text frames).
 */
export class RawWebSocket {
  /** Text frames received, in order. */
  readonly texts: string[] = [];
  closed = false;
  private buffered = Buffer.alloc(0);
  private readonly waiters = new StateWaiters(() => `${this.texts.length} frames, ${this.closed ? 'closed' : 'open'}`);

  private constructor(private readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const onGone = () => {
      this.closed = true;
      this.waiters.notify();
    };
    socket.on('close', onGone);
    socket.on('error', onGone);
  }

  static open(url: string): Promise<RawWebSocket> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${url}/socket.io/?EIO=4&transport=websocket`, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': randomBytes(16).toString('base64'),
        },
      });
      req.on('upgrade', (_res, socket, head) => {
        const ws = new RawWebSocket(socket);
        if (head.length > 0) ws.onData(head);
        resolve(ws);
      });
      req.on('response', (res) => reject(new Error(`the upgrade was answered ${res.statusCode ?? 0}`)));
      req.on('error', reject);
      req.end();
    });
  }

  send(text: string): void {
    if (!this.closed) this.socket.write(encodeFrame(OPCODE_TEXT, Buffer.from(text, 'utf8')));
  }

  /** A binary frame: over a WebSocket, engine.io sends a binary message as the bare bytes. */
  sendBinary(bytes: Buffer): void {
    if (!this.closed) this.socket.write(encodeFrame(OPCODE_BINARY, bytes));
  }

  /** Resolves with the first frame at or after `from` that `match` accepts, or `undefined` once the server closed. */
  async next(from: number, match: (text: string) => boolean, timeoutMs: number): Promise<string | undefined> {
    const found = () => this.texts.slice(from).find(match);
    await this.waiters.waitFor(() => found() !== undefined || this.closed, 'a frame', timeoutMs);
    return found();
  }

  close(): void {
    this.waiters.clear();
    this.closed = true;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    for (;;) {
      if (this.buffered.length < 2) return;
      const opcode = (this.buffered[0] as number) & 0x0f;
      let length = (this.buffered[1] as number) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (this.buffered.length < 4) return;
        length = this.buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffered.length < 10) return;
        length = Number(this.buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (this.buffered.length < offset + length) return;
      const payload = this.buffered.subarray(offset, offset + length);
      this.buffered = this.buffered.subarray(offset + length);
      if (opcode === OPCODE_TEXT) this.texts.push(payload.toString('utf8'));
      else if (opcode === OPCODE_PING) this.socket.write(encodeFrame(OPCODE_PONG, Buffer.from(payload)));
      else if (opcode === OPCODE_CLOSE) this.closed = true;
      this.waiters.notify();
    }
  }
}
