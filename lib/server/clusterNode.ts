import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { leaseTiming, type LeaseTiming } from '../cluster/leaseKeeperPolicy';
import { PresenceCounts } from '../cluster/presenceCounts';
import type { SharedRedis } from '../cluster/redisScript';
import { RoomLease } from '../cluster/roomLease';
import { RoomStreamLog } from '../cluster/roomStreamLog';
import type { Clock } from '../replay/clock';
import { redactedDatabaseUrl } from '../storage/postgresDialect';
import { probe, type ProbeResult } from './healthProbe';
import type { Logger } from './logger';

/** How long connecting to Redis at start may take before the start fails. */
export const REDIS_CONNECT_TIMEOUT_MS = 5_000;
/** Longest wait between two reconnection attempts after Redis went away. */
export const REDIS_MAX_RECONNECT_DELAY_MS = 1_000;
/**
 * The adapter's heartbeat: a node not heard from for this long is forgotten (a forwarded control stops waiting for
 * its answer). Short, so that the survivors of a node's death stop waiting for it within a few seconds.
 */
export const ADAPTER_HEARTBEAT_INTERVAL_MS = 1_000;
export const ADAPTER_HEARTBEAT_TIMEOUT_MS = 3_000;

/** One node of a cluster: its id, its Redis client and what it builds on it. */
export interface ClusterNode {
  readonly nodeId: string;
  readonly redis: SharedRedis;
  readonly redisLocation: string;
  readonly lease: RoomLease;
  readonly log: RoomStreamLog;
  readonly presenceCounts: PresenceCounts;
  readonly timing: LeaseTiming;
  /** The Socket.IO adapter factory (Redis Streams): broadcasts and server-side events reach every node. */
  readonly adapter: ReturnType<typeof createAdapter>;
  health(): Promise<ProbeResult>;
  close(): Promise<void>;
}

/**
 * Connects to Redis (failing the start with the URL, without its password, and the reason when it cannot) and sets up
 * the cluster's building blocks on one shared client. Once connected, the client reconnects on its own whenever
 * Redis goes away; every call made meanwhile rejects (the rooms stop publishing until their leases are proven again).
 */
export async function connectClusterNode(redisUrl: string, clock: Clock, logger: Logger): Promise<ClusterNode> {
  const redisLocation = redactedDatabaseUrl(redisUrl);
  let connectedOnce = false;
  const client = createClient({
    url: redisUrl,
    socket: {
      connectTimeout: REDIS_CONNECT_TIMEOUT_MS,
      keepAlive: true,
      reconnectStrategy: (retries: number, cause: Error) =>
        connectedOnce ? Math.min(50 * 2 ** retries, REDIS_MAX_RECONNECT_DELAY_MS) : new Error(`cannot connect: ${cause.message}`),
    },
  }) as unknown as SharedRedis;
  let lastErrorLogMs = 0;
  client.on('error', (error: Error) => {
    const now = clock.now();
    if (now - lastErrorLogMs < 5_000) return;
    lastErrorLogMs = now;
    logger.warn({ err: error }, `Redis at ${redisLocation}: ${error.message}`);
  });
  client.on('ready', () => {
    if (connectedOnce) logger.info(`Redis at ${redisLocation} is back`);
    connectedOnce = true;
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`SITREP_REDIS_URL ${redisLocation}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const nodeId = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return {
    nodeId,
    redis: client,
    redisLocation,
    lease: new RoomLease(client),
    log: new RoomStreamLog(client, { clock }),
    presenceCounts: new PresenceCounts(client, nodeId),
    timing: leaseTiming(),
    adapter: createAdapter(client, { heartbeatInterval: ADAPTER_HEARTBEAT_INTERVAL_MS, heartbeatTimeout: ADAPTER_HEARTBEAT_TIMEOUT_MS }),
    async health() {
      // Not connected (Redis away, the client reconnecting): said at once. A PING would wait in the client's queue
      // for the whole timeout, and a load balancer whose check times out first would take every node out at once.
      if (!client.isReady) return { state: 'unavailable', reason: 'not connected (reconnecting)' };
      return probe(() => client.ping());
    },
    async close() {
      await client.quit().catch(() => client.destroy());
    },
  };
}
