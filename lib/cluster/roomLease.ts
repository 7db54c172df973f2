import { boundedClient, RedisScript, type SharedRedis } from './redisScript';
import { roomKeys } from './roomKeys';

/** Who holds a room's lease, and with which fencing token. */
export interface LeaseFence {
  nodeId: string;
  token: number;
}

/**
 * Takes the lease when nobody holds it. The token comes from a per-room counter that only grows: INCR, seeded with
 * Redis's clock in milliseconds when the counter does not exist (a fresh room, or a Redis that lost its memory), so a
 * token taken after a wipe is still larger than every token taken before it — as long as the room saw fewer
 * acquisitions than milliseconds went by since the counter was last seeded, and Redis's clock was not set back.
 * ARGV[3], when not empty, is a floor kept outside Redis (the largest token PostgreSQL saw for the room): the token is
 * then above it whatever happened to Redis or its clock. string.format('%d') keeps the numbers whole (Lua's tostring
 * would print 1.8e+12).
 */
const ACQUIRE = new RedisScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
if redis.call('EXISTS', KEYS[2]) == 0 then
  local now = redis.call('TIME')
  redis.call('SET', KEYS[2], string.format('%d', tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)))
end
if ARGV[3] ~= '' and tonumber(redis.call('GET', KEYS[2])) < tonumber(ARGV[3]) then redis.call('SET', KEYS[2], ARGV[3]) end
local token = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], string.format('%d', token) .. ':' .. ARGV[1], 'PX', ARGV[2])
return token
`);

/** Extends the lease only if it is still this holder's (same node, same token). */
const RENEW = new RedisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`);

const RELEASE = new RedisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`);

/** The lease's value in Redis: the token first (digits only), so the node id may contain anything. */
export const leaseValue = ({ nodeId, token }: LeaseFence): string => `${token}:${nodeId}`;

function parseLeaseValue(value: string): LeaseFence {
  const colon = value.indexOf(':');
  const token = Number(value.slice(0, colon));
  if (colon < 1 || !Number.isSafeInteger(token)) throw new Error(`Unreadable room lease value "${value}"`);
  return { token, nodeId: value.slice(colon + 1) };
}

function checkTtl(ttlMs: number): string {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new RangeError(`A lease ttl must be a positive whole number of ms, got ${ttlMs}`);
  return String(ttlMs);
}

/**
 * One lease per room in Redis: the node that holds it runs the room's clock. Every method rejects when Redis cannot be
 * reached or answers with an error; the caller then stops publishing (see leaseKeeperPolicy.ts).
 */
export class RoomLease {
  private readonly redis: SharedRedis;

  constructor(client: SharedRedis, options: { sendTimeoutMs?: number } = {}) {
    this.redis = boundedClient(client, options.sendTimeoutMs);
  }

  /**
   * The lease with a new token, or undefined while any node (this one included) holds it. With `aboveToken` (the
   * largest token a store outside Redis has seen for the room) the new token is larger than it.
   */
  async acquire(roomId: string, nodeId: string, ttlMs: number, options: { aboveToken?: number } = {}): Promise<{ token: number } | undefined> {
    const { aboveToken } = options;
    if (aboveToken !== undefined && (!Number.isSafeInteger(aboveToken) || aboveToken < 0)) throw new RangeError(`aboveToken must be a whole number ≥ 0, got ${aboveToken}`);
    const keys = roomKeys(roomId);
    const token = await ACQUIRE.run(this.redis, [keys.lease, keys.fence], [nodeId, checkTtl(ttlMs), aboveToken === undefined ? '' : String(aboveToken)]);
    if (token === null) return undefined;
    if (typeof token !== 'number' || !Number.isSafeInteger(token)) throw new Error(`Unexpected lease token ${String(token)} for room ${roomId}`);
    return { token };
  }

  /** True if this node still held the lease with this token; it then holds it for `ttlMs` from now. */
  async renew(roomId: string, nodeId: string, token: number, ttlMs: number): Promise<boolean> {
    const renewed = await RENEW.run(this.redis, [roomKeys(roomId).lease], [leaseValue({ nodeId, token }), checkTtl(ttlMs)]);
    return renewed === 1;
  }

  /** Gives the lease up (so another node may take it at once); false if it was not this holder's any more. */
  async release(roomId: string, nodeId: string, token: number): Promise<boolean> {
    return (await RELEASE.run(this.redis, [roomKeys(roomId).lease], [leaseValue({ nodeId, token })])) === 1;
  }

  async holder(roomId: string): Promise<LeaseFence | undefined> {
    const value = await this.redis.get(roomKeys(roomId).lease);
    return value === null ? undefined : parseLeaseValue(value);
  }
}
