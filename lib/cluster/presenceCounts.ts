import { boundedClient, type SharedRedis } from './redisScript';
import { nodeAliveKey, roomKeys } from './roomKeys';

/** A node that has not heartbeaten for this long is taken for dead: its counts no longer add up. */
export const DEFAULT_NODE_HEARTBEAT_TTL_MS = 5_000;
/** A room's counts disappear when no node reported them for this long. */
export const PRESENCE_IDLE_TTL_MS = 60 * 60 * 1_000;

/**
 * Viewer counts of a room across nodes. Each node writes its own count of each room into the room's hash (one field
 * per node id) and heartbeats a key of its own with a ttl; the total adds up the fields of the nodes whose heartbeat
 * is alive, so the viewers of a node that died stop counting once its heartbeat expires. Node ids must be unique per
 * process (a restarted node is a new node). Every method rejects when Redis cannot be reached. For one Redis (or a
 * Sentinel pair), not a Redis Cluster: the total reads the heartbeat keys of several nodes at once (MGET).
 */
export class PresenceCounts {
  private readonly redis: SharedRedis;
  private readonly heartbeatTtlMs: number;

  constructor(
    client: SharedRedis,
    private readonly nodeId: string,
    options: { heartbeatTtlMs?: number; sendTimeoutMs?: number } = {},
  ) {
    this.redis = boundedClient(client, options.sendTimeoutMs);
    this.heartbeatTtlMs = options.heartbeatTtlMs ?? DEFAULT_NODE_HEARTBEAT_TTL_MS;
  }

  /** Says this node is alive for another heartbeat ttl. Call it several times per ttl (e.g. every third). */
  async heartbeat(): Promise<void> {
    await this.redis.set(nodeAliveKey(this.nodeId), '1', { expiration: { type: 'PX', value: this.heartbeatTtlMs } });
  }

  /** This node's count of viewers of `roomId` (0 removes the field). */
  async report(roomId: string, viewers: number): Promise<void> {
    if (!Number.isSafeInteger(viewers) || viewers < 0) throw new RangeError(`A viewer count must be a whole number ≥ 0, got ${viewers}`);
    const key = roomKeys(roomId).presence;
    if (viewers === 0) {
      await this.redis.hDel(key, this.nodeId);
      return;
    }
    await this.redis.multi().hSet(key, this.nodeId, String(viewers)).pExpire(key, PRESENCE_IDLE_TTL_MS).execTyped();
  }

  /** The viewers of `roomId` on every node whose heartbeat is alive. */
  async total(roomId: string): Promise<number> {
    const counts = await this.redis.hGetAll(roomKeys(roomId).presence);
    const nodeIds = Object.keys(counts);
    if (nodeIds.length === 0) return 0;
    const alive = await this.redis.mGet(nodeIds.map(nodeAliveKey));
    return nodeIds.reduce((sum, nodeId, i) => {
      const viewers = Number(counts[nodeId]);
      return alive[i] !== null && Number.isSafeInteger(viewers) && viewers > 0 ? sum + viewers : sum;
    }, 0);
  }
}
