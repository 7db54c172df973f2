import { CONNECT_REFUSALS, type SocketLike } from './connectionTypes';
import { io, type ManagerOptions, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../protocol';
import { RECONNECT_DELAY_MAX_MS, RECONNECT_DELAY_MS, RECONNECT_RANDOMIZATION } from './reconnectJitter';

export type ReplaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How the app's socket reconnects after losing the server without notice (reconnectJitter.ts). */
export const APP_RECONNECTION = {
  reconnectionDelay: RECONNECT_DELAY_MS,
  reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
  randomizationFactor: RECONNECT_RANDOMIZATION,
} as const;

/**
 * The only place the browser opens a socket. `auth` is read again at every reconnect. `overrides` are for
 * benchmarks and tests that open many screens in one process (`forceNew`) or measure without the jitter.
 */
export function createSocket(auth: () => HandshakeAuth, url?: string, overrides?: Partial<ManagerOptions>): SocketLike {
  const options = {
    transports: ['websocket'],
    auth: (callback: (data: object) => void) => callback(auth()),
    ...APP_RECONNECTION,
    autoConnect: false,
    ...overrides,
  };
  return asSocketLike(url ? io(url, options) : io(options));
}

/** A Socket.IO client socket as the connection uses it (integration tests wrap sockets of their own with it). */
export function asSocketLike(socket: ReplaySocket): SocketLike {
  const stopRetrying = retryFailedHandshakes(socket);
  return {
    get connected() {
      return socket.connected;
    },
    connect: () => socket.connect(),
    disconnect: () => {
      stopRetrying();
      socket.disconnect();
    },
    reconnectAfterClose: (nextDelayMs) => reconnectAfterClose(socket, nextDelayMs),
    on: ((event: string, listener: (...args: unknown[]) => void) => (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): unknown }).on(event, listener)) as SocketLike['on'],
    request: (event, payload, timeoutMs) =>
      event === 'replay:control'
        ? socket.timeout(timeoutMs).emitWithAck('replay:control', payload as Parameters<ClientToServerEvents['replay:control']>[0])
        : socket.timeout(timeoutMs).emitWithAck('replay:resume', payload as Parameters<ClientToServerEvents['replay:resume']>[0]),
  };
}

/**
 * Socket.IO retries a connection the network lost, but not one the server's handshake check refused: a refusal that
 * a retry cannot change (a wrong key, an unknown room) ends the connection, any other (`internal`: the server could not
 * read the room's shared state, e.g. while a cluster's Redis restarts) is tried again after the app's reconnection
 * delay, doubling up to its maximum, randomised — until it connects or is disconnected on purpose. Returns what
 * stops a pending retry.
 */
function retryFailedHandshakes(socket: ReplaySocket): () => void {
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect', () => {
    attempts = 0;
  });
  socket.on('connect_error', (error: Error) => {
    // `active`: the manager is reconnecting by itself (a network failure), or the socket was closed on purpose.
    if (socket.active || CONNECT_REFUSALS.includes(error.message) || timer !== undefined) return;
    const base = Math.min(RECONNECT_DELAY_MS * 2 ** attempts++, RECONNECT_DELAY_MAX_MS);
    timer = setTimeout(() => {
      timer = undefined;
      if (!socket.connected) socket.connect();
    }, base * (1 + RECONNECT_RANDOMIZATION * Math.random()));
  });
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}

/**
 * After a restart notice: the automatic reconnection is held back; once the connection has closed, each attempt
 * waits `nextDelayMs()` (a random delay within the announced window) and a failed one is retried the same way, so
 * that however long the server takes to come back, the screens reach it spread over the window. Once connected,
 * the automatic reconnection (with its backoff) is back for whatever happens next.
 */
function reconnectAfterClose(socket: ReplaySocket, nextDelayMs: () => number): void {
  const manager = socket.io;
  manager.reconnection(false);
  // A socket closed on purpose meanwhile (socket.active is false) stays closed.
  const attempt = () => {
    setTimeout(() => {
      if (socket.active && !socket.connected) socket.connect();
    }, nextDelayMs());
  };
  const retry = () => attempt();
  socket.on('connect_error', retry);
  socket.once('connect', () => {
    socket.off('connect_error', retry);
    manager.reconnection(true);
  });
  if (socket.connected) socket.once('disconnect', attempt);
  else attempt();
}
