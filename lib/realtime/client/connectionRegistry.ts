import type { ReplayConnection } from './replayConnection';

/** The open connection of each room on this page, so that control hooks can reach it without a socket of their own. */
const connections = new Map<string, ReplayConnection>();

export function registerConnection(roomId: string, connection: ReplayConnection): () => void {
  connections.set(roomId, connection);
  return () => {
    if (connections.get(roomId) === connection) connections.delete(roomId);
  };
}

export function connectionFor(roomId: string): ReplayConnection | undefined {
  return connections.get(roomId);
}
