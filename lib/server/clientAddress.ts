import type { IncomingMessage } from 'node:http';

/**
 * The server sets this header on every request to the peer address of the connection, replacing whatever a
 * client sent, so that route handlers can rate-limit by address.
 */
export const CLIENT_ADDRESS_HEADER = 'x-sitrep-client-address';

export function stampClientAddress(request: IncomingMessage): void {
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
}
