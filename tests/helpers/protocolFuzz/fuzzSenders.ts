import { io } from 'socket.io-client';
import type { ReplayClient } from '../replayClient';
import { RawWebSocket } from '../rawWebSocket';
import type { ConnectOutcome } from './fuzzMessages';

/** Sends one message from a fuzz socket; resolves with its answer, or `undefined` when sent without a callback. */
export async function sendViewerMessage(client: ReplayClient, event: string, args: unknown[], ack: boolean, timeoutMs: number): Promise<{ answered: boolean; answer?: unknown }> {
  if (!ack) {
    client.emitRaw(event, ...args);
    return { answered: false };
  }
  try {
    return { answered: true, answer: await client.request(event, args, timeoutMs) };
  } catch (error) {
    return { answered: false, answer: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Opens a Socket.IO connection with `auth` (anything) and tells how it ended: connected (a snapshot of `room`
 * arrived), a connect error's message, closed by the server, or `no answer` after `timeoutMs`.
 */
export function handshakeOutcome(url: string, auth: unknown, timeoutMs: number): Promise<ConnectOutcome | 'no answer' | `snapshot of ${string}`> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: (callback) => callback(auth as object) });
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: ConnectOutcome | 'no answer' | `snapshot of ${string}`) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
      resolve(outcome);
    };
    const timer = setTimeout(() => done('no answer'), timeoutMs);
    const expectedRoom = typeof auth === 'object' && auth !== null ? ((auth as { room?: unknown }).room ?? 'live') : undefined;
    socket.on('connect_error', (error) => done(error.message as ConnectOutcome));
    socket.on('replay:snapshot' as never, (snapshot: { room?: unknown }) => done(snapshot.room === expectedRoom ? 'connected' : `snapshot of ${String(snapshot.room)}`));
    // The client closes its manager before it emits a connect error (in the same tick): let the error come first.
    socket.io.on('close', () => setImmediate(() => done('closed')));
  });
}

/** Socket.IO's connect packet as a raw frame, and the answer that says the namespace was joined. */
const CONNECT_FRAME = '40{"protocol":2}';
const CONNECTED_PREFIX = '40{"sid"';
/** How long a probe is given before the session checks whether the frame left the namespace. */
const PROBE_WAIT_MS = 500;

/**
 * Raw frames on a bare WebSocket joined to the default namespace. After each frame it sends a valid, acknowledged
 * `replay:resume` as a probe: the server must either answer it (the frame was ignored or handled) or close the
 * connection (the frame was refused). A new connection is opened when the last one was closed.
 */
export class RawFrameSession {
  private ws: RawWebSocket | undefined;
  private probeId = 0;
  connectionsOpened = 0;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  /**
   * `answered`: the probe after the frame was answered; `closed`: the server closed the connection; `rejoined`: the
   * frame left the namespace (a Socket.IO disconnect packet: the probe is then ignored) and a new connect packet was
   * answered; or what went wrong.
   */
  async send(text: string, attachments: readonly (readonly number[])[] = []): Promise<'answered' | 'closed' | 'rejoined' | string> {
    const ws = await this.connected();
    ws.send(text);
    for (const bytes of attachments) ws.sendBinary(Buffer.from(bytes));
    const id = ++this.probeId;
    ws.send(`42${id}["replay:resume",{"lastSeq":0}]`);
    const from = ws.texts.length;
    let answer: string | undefined;
    try {
      answer = await ws.next(0, (t) => t.startsWith(`43${id}[`), PROBE_WAIT_MS);
    } catch {
      // Left the namespace, or slow: either a new connect packet is answered, or the connection is closed.
      ws.send(CONNECT_FRAME);
      try {
        const joined = await ws.next(from, (t) => t.startsWith(CONNECTED_PREFIX), this.timeoutMs);
        return joined === undefined ? 'closed' : 'rejoined';
      } catch {
        return `no answer to a probe, to a connect packet, and no close within ${this.timeoutMs} ms (frames since: ${JSON.stringify(ws.texts.slice(from))})`;
      }
    }
    if (answer === undefined) return 'closed';
    return answer.startsWith(`43${id}[{"ok":true`) ? 'answered' : `the probe was answered ${answer}`;
  }

  close(): void {
    this.ws?.close();
  }

  private async connected(): Promise<RawWebSocket> {
    if (this.ws && !this.ws.closed) return this.ws;
    this.ws?.close();
    const ws = await RawWebSocket.open(this.url);
    this.connectionsOpened++;
    if ((await ws.next(0, (t) => t.startsWith('0{'), this.timeoutMs)) === undefined) throw new Error('no engine.io open packet');
    ws.send(CONNECT_FRAME);
    if ((await ws.next(0, (t) => t.startsWith(CONNECTED_PREFIX), this.timeoutMs)) === undefined) throw new Error('not connected to the namespace');
    this.ws = ws;
    return ws;
  }
}
