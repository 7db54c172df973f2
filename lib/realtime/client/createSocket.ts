import { type SocketLike } from './connectionTypes';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../protocol';

export type ReplaySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The only place the browser opens a socket. `auth` is read again at every reconnect. */
export function createSocket(auth: () => HandshakeAuth, url?: string): SocketLike {
  const options = {
    transports: ['websocket'],
    auth: (callback: (data: object) => void) => callback(auth()),
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    autoConnect: false,
  };
  return asSocketLike(url ? io(url, options) : io(options));
}

/** A Socket.IO client socket as the connection uses it (integration tests wrap sockets of their own with it). */
export function asSocketLike(socket: ReplaySocket): SocketLike {
  return {
    get connected() {
      return socket.connected;
    },
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
    on: ((event: string, listener: (...args: unknown[]) => void) => (socket as unknown as { on(e: string, l: (...args: unknown[]) => void): unknown }).on(event, listener)) as SocketLike['on'],
    request: (event, payload, timeoutMs) =>
      event === 'replay:control'
        ? socket.timeout(timeoutMs).emitWithAck('replay:control', payload as Parameters<ClientToServerEvents['replay:control']>[0])
        : socket.timeout(timeoutMs).emitWithAck('replay:resume', payload as Parameters<ClientToServerEvents['replay:resume']>[0]),
  };
}
