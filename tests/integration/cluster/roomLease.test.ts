import { beforeAll, describe, expect, it } from 'vitest';
import { RoomLease } from '@/lib/cluster/roomLease';
import { pollUntil } from '../../helpers/pollUntil';
import { redisPerTestFile } from '../../helpers/localRedisClients';

const LONG_TTL_MS = 60_000;
const SHORT_TTL_MS = 200;

const redis = redisPerTestFile();

let nodeA: RoomLease;
let nodeB: RoomLease;

beforeAll(async () => {
  nodeA = new RoomLease(await redis.client());
  nodeB = new RoomLease(await redis.client());
});

const expired = (lease: RoomLease, roomId: string) => pollUntil(async () => (await lease.holder(roomId)) === undefined, `the lease of ${roomId} to expire`);

describe('RoomLease', () => {
  it('grants the lease to one node; the other is refused while it is held', async () => {
    const grant = await nodeA.acquire('r1', 'a', LONG_TTL_MS);
    expect(grant?.token).toBeGreaterThan(0);
    expect(await nodeB.acquire('r1', 'b', LONG_TTL_MS)).toBeUndefined();
    expect(await nodeA.acquire('r1', 'a', LONG_TTL_MS)).toBeUndefined();
    expect(await nodeB.holder('r1')).toEqual({ nodeId: 'a', token: grant?.token });
    expect(await nodeB.holder('other-room')).toBeUndefined();
  });

  it('renews only for the holder with its token', async () => {
    const { token } = (await nodeA.acquire('r1', 'a', LONG_TTL_MS))!;
    expect(await nodeA.renew('r1', 'a', token, LONG_TTL_MS)).toBe(true);
    expect(await nodeB.renew('r1', 'b', token, LONG_TTL_MS)).toBe(false);
    expect(await nodeA.renew('r1', 'a', token - 1, LONG_TTL_MS)).toBe(false);
    expect(await nodeA.renew('r1', 'a', token + 1, LONG_TTL_MS)).toBe(false);
    expect(await redis.admin.pTTL('sitrep:room:{r1}:lease')).toBeGreaterThan(LONG_TTL_MS - 5_000);
  });

  it('expires without renewal; another node takes over with a larger token, and the old holder can neither renew nor release', async () => {
    const first = (await nodeA.acquire('r1', 'a', SHORT_TTL_MS))!;
    await expired(nodeB, 'r1');
    const second = (await nodeB.acquire('r1', 'b', LONG_TTL_MS))!;
    expect(second.token).toBeGreaterThan(first.token);
    expect(await nodeA.renew('r1', 'a', first.token, LONG_TTL_MS)).toBe(false);
    expect(await nodeA.release('r1', 'a', first.token)).toBe(false);
    expect(await nodeA.holder('r1')).toEqual({ nodeId: 'b', token: second.token });
  });

  it('hands over on release; tokens grow strictly over 30 takeovers by three nodes', async () => {
    const nodes = [nodeA, nodeB, new RoomLease(await redis.client())];
    const tokens: number[] = [];
    for (let i = 0; i < 30; i++) {
      const nodeId = `n${i % 3}`;
      const lease = nodes[i % 3]!;
      const grant = (await lease.acquire('r1', nodeId, LONG_TTL_MS))!;
      tokens.push(grant.token);
      expect(await lease.release('r1', nodeId, grant.token)).toBe(true);
    }
    expect(tokens.every((token, i) => i === 0 || token > tokens[i - 1]!)).toBe(true);
  });

  it('gives the lease to exactly one of 12 nodes acquiring at once', async () => {
    const leases = await Promise.all(Array.from({ length: 12 }, async () => new RoomLease(await redis.client())));
    const grants = await Promise.all(leases.map((lease, i) => lease.acquire('race', `n${i}`, LONG_TTL_MS)));
    const winners = grants.flatMap((grant, i) => (grant ? [{ nodeId: `n${i}`, token: grant.token }] : []));
    expect(winners).toHaveLength(1);
    expect(await nodeA.holder('race')).toEqual(winners[0]);
  });

  it('keeps rooms apart', async () => {
    const one = (await nodeA.acquire('r1', 'a', LONG_TTL_MS))!;
    const two = (await nodeB.acquire('r2', 'b', LONG_TTL_MS))!;
    expect(await nodeA.holder('r1')).toEqual({ nodeId: 'a', token: one.token });
    expect(await nodeA.holder('r2')).toEqual({ nodeId: 'b', token: two.token });
  });

  it('refuses a ttl that is not a positive whole number of ms', async () => {
    await expect(nodeA.acquire('r1', 'a', 0)).rejects.toThrow(RangeError);
    await expect(nodeA.acquire('r1', 'a', 1.5)).rejects.toThrow(RangeError);
  });
});

describe('RoomLease across a Redis restart (memory wiped)', () => {
  it('has no holder after the wipe; the old holder cannot renew; a new token is still larger than every earlier one', async () => {
    const tokens: number[] = [];
    for (let i = 0; i < 5; i++) {
      const grant = (await nodeA.acquire('r1', 'a', LONG_TTL_MS))!;
      tokens.push(grant.token);
      await nodeA.release('r1', 'a', grant.token);
    }
    const held = (await nodeA.acquire('r1', 'a', LONG_TTL_MS))!;
    await redis.server.restart();
    await redis.allReady();
    expect(await redis.admin.dbSize()).toBe(0);
    expect(await nodeB.holder('r1')).toBeUndefined();
    expect(await nodeA.renew('r1', 'a', held.token, LONG_TTL_MS)).toBe(false);
    const after = (await nodeB.acquire('r1', 'b', LONG_TTL_MS))!;
    expect(after.token).toBeGreaterThan(held.token);
    expect(Math.max(...tokens)).toBeLessThan(held.token);
  });

  it('takes a token above a floor kept outside Redis (for a Redis whose clock went back)', async () => {
    const floor = Date.now() * 10;
    expect(await nodeA.acquire('r1', 'a', LONG_TTL_MS, { aboveToken: floor })).toEqual({ token: floor + 1 });
    await nodeA.release('r1', 'a', floor + 1);
    expect(await nodeA.acquire('r1', 'a', LONG_TTL_MS, { aboveToken: 5 })).toEqual({ token: floor + 2 });
    await expect(nodeA.acquire('r2', 'a', LONG_TTL_MS, { aboveToken: -1 })).rejects.toThrow(RangeError);
  });

  it('rejects (never hangs) while Redis is down, and works again once it is back', async () => {
    const grant = (await nodeA.acquire('r1', 'a', LONG_TTL_MS))!;
    await redis.server.kill();
    try {
      await expect(nodeA.renew('r1', 'a', grant.token, LONG_TTL_MS)).rejects.toThrow();
      await expect(nodeB.acquire('r1', 'b', LONG_TTL_MS)).rejects.toThrow();
      await expect(nodeB.holder('r1')).rejects.toThrow();
    } finally {
      await redis.server.start();
      await redis.allReady();
    }
    expect(await nodeB.acquire('r1', 'b', LONG_TTL_MS)).toBeDefined();
  });
});
