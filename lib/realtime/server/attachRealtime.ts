import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { StoryCatalog } from '../../events/catalog';
import type { Clock } from '../../replay/clock';
import type { ReplaySettings } from '../../replay/replayPlayer';
import type { Logger } from '../../server/logger';
import {
  MAX_CLIENT_FRAME_BYTES,
  type ClientToServerEvents,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '../protocol';
import { authenticateHandshake } from './handshake';
import { isOriginAllowed, type OriginPolicy } from './originCheck';
import type { ClusterNode } from '../../server/clusterNode';
import { answerForwardedControls } from './cluster/controlForwarding';
import { ClusterHosting } from './cluster/clusterHosting';
import { ClusterPresence } from './cluster/clusterPresence';
import { PresenceNotifier, type Presence } from './presence';
import { registerReplayHandlers } from './replayHandlers';
import type { RoomPersistence } from './roomPersistence';
import { RoomRegistry, type RoomLimits } from './roomRegistry';
import { emitReplayMessage } from './wireMessages';

export type SitrepIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type SitrepSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface RealtimeOptions {
  catalog: StoryCatalog;
  clock: Clock;
  logger: Logger;
  originPolicy: OriginPolicy;
  roomSettings: ReplaySettings;
  roomLimits?: RoomLimits;
  retentionWallMs?: number;
  persistence?: RoomPersistence;
  /** Controls each socket may send per second. */
  controlsPerSecond: number;
  /** Leave upgrade requests that are not Socket.IO's alone (the dev server's hot reload uses them). */
  shareUpgrades: boolean;
  /** One node of several (SITREP_REDIS_URL): rooms are shared through Redis; without it, this process is alone. */
  cluster?: ClusterNode;
}

export interface Realtime {
  io: SitrepIo;
  rooms: RoomRegistry;
  /** Viewers of a room (on every node of a cluster). */
  presence: Presence;
  /** Tells every client the server is restarting, saves every room, and closes every connection. */
  close(): Promise<void>;
}

/**
 * The window announced in `server:restarting`: each screen reconnects after a random delay within it, so a thousand
 * screens arrive over seconds, not at once. Longer than the server takes to start again (2-7 s on the test machine),
 * so that many screens find it back on their first attempt; a screen is back at most about this long after SIGTERM.
 */
export const RESTART_RECONNECT_WINDOW_MS = 10_000;
/** What attachRealtime needs of an Engine.IO connection to close it after what it was sent has left. */
interface EngineConnection {
  readyState: string;
  once(event: 'close', listener: () => void): unknown;
  close(): unknown;
}

/**
 * Closes every connection once what it was sent (the restart notice) has been written: an Engine.IO socket closed
 * without `discard` waits for its buffer to drain. The clients see a transport close, not a Socket.IO disconnect,
 * and reconnect. (`io.close()` alone discards what is not yet sent.)
 */
function closeConnectionsAfterFlush(io: SitrepIo): Promise<void> {
  const connections = Object.values((io.engine as unknown as { clients: Record<string, EngineConnection> }).clients);
  return Promise.all(
    connections.map(
      (connection) =>
        new Promise<void>((resolve) => {
          if (connection.readyState !== 'open') return resolve();
          connection.once('close', resolve);
          connection.close();
        }),
    ),
  ).then(() => undefined);
}

/** Attaches the replay protocol to an HTTP server: rooms, handshake checks, handlers. */
export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): Realtime {
  const io: SitrepIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: MAX_CLIENT_FRAME_BYTES,
    perMessageDeflate: false,
    httpCompression: false,
    destroyUpgrade: !options.shareUpgrades,
    allowRequest: (request, callback) => callback(null, isOriginAllowed(request, options.originPolicy)),
  });

  const { cluster, logger, clock } = options;
  if (cluster) io.adapter(cluster.adapter);
  const hosting = cluster
    ? new ClusterHosting({ nodeId: cluster.nodeId, io, lease: cluster.lease, log: cluster.log, clock, logger, timing: cluster.timing, persistence: options.persistence })
    : undefined;
  const rooms = new RoomRegistry({
    catalog: options.catalog,
    clock: options.clock,
    roomSettings: options.roomSettings,
    limits: options.roomLimits,
    retentionWallMs: options.retentionWallMs,
    persistence: options.persistence,
    warn: (message) => options.logger.warn(message),
    publish: (room, message) => emitReplayMessage(io.to(room.id), message),
    hosting,
  });
  const roomIds = () => Array.from(rooms.entries(), (entry) => entry.roomId);
  const presence: Presence = cluster ? new ClusterPresence(io, cluster.presenceCounts, clock, logger, roomIds) : new PresenceNotifier(io, clock);
  if (hosting) {
    hosting.attach(rooms);
    answerForwardedControls(io, (roomId) => hosting.ownedRoom(roomId), logger);
  }

  io.use((socket, next) => {
    authenticateHandshake(socket, rooms).then(
      (refused) => {
        if (refused) options.logger.info({ socketId: socket.id, code: refused }, 'Socket handshake refused');
        next(refused ? new Error(refused) : undefined);
      },
      (error: unknown) => {
        // The room could not be read from the store: the client tries again (its reconnection backoff).
        options.logger.error({ err: error, socketId: socket.id }, 'Handshake check failed');
        next(new Error('internal'));
      },
    );
  });

  io.on('connection', (socket: SitrepSocket) => {
    try {
      registerReplayHandlers(socket, { rooms, clock: options.clock, logger: options.logger, presence, controlsPerSecond: options.controlsPerSecond });
    } catch (error) {
      options.logger.error({ err: error, roomId: socket.data.roomId, socketId: socket.id }, 'Connection setup failed');
      socket.disconnect(true);
    }
  });

  io.engine.on('connection_error', (error: { code: number; message: string }) => {
    options.logger.warn({ code: error.code }, `Socket connection refused: ${error.message}`);
  });

  return {
    io,
    rooms,
    presence,
    async close() {
      presence.dispose();
      // This node's screens only: in a cluster the others' nodes go on.
      io.local.emit('server:restarting', { reconnectWithinMs: RESTART_RECONNECT_WINDOW_MS });
      const saved = rooms.dispose();
      await closeConnectionsAfterFlush(io);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await saved;
    },
  };
}
