/**
 * A few viewers of one room, each connected straight to a given node (no reconnection: a viewer of a node that dies
 * stays gone), recording the seq and arrival instant of every event message. Lives in the runner's process: a handful
 * of sockets.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/protocol';
import { PROTOCOL_VERSION } from '@/lib/realtime/protocolVersion';
import type { Arrival } from './failoverSummary';

const JOIN_TIMEOUT_MS = 30_000;
const POLL_EVERY_MS = 20;

type ObserverSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class FailoverObservers {
  readonly arrivals: Arrival[] = [];
  private readonly sockets: ObserverSocket[] = [];

  private constructor() {}

  /** One viewer per entry of `urls` (a node's own address), each in the room once its join snapshot arrived. */
  static async open(urls: readonly string[], roomId: string): Promise<FailoverObservers> {
    const observers = new FailoverObservers();
    try {
      await Promise.all(urls.map((url) => observers.join(url, roomId)));
    } catch (error) {
      observers.close();
      throw error;
    }
    return observers;
  }

  private join(url: string, roomId: string): Promise<void> {
    const socket: ObserverSocket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, room: roomId } });
    this.sockets.push(socket);
    socket.on('replay:event', (payload) => this.arrivals.push({ seq: payload.seq, atMs: Date.now() }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`an observer did not join ${url} within ${JOIN_TIMEOUT_MS} ms`)), JOIN_TIMEOUT_MS);
      socket.once('replay:snapshot', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('connect_error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** The highest seq any observer has received (0 before the first). */
  get maxSeq(): number {
    return this.arrivals.reduce((max, arrival) => Math.max(max, arrival.seq), 0);
  }

  /** Resolves once `check()` holds (polled); rejects with `what` after `timeoutMs`. */
  async until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
    const giveUpAtMs = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > giveUpAtMs) throw new Error(`failover observers: not ${what} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    }
  }

  close(): void {
    for (const socket of this.sockets) socket.disconnect();
  }
}
