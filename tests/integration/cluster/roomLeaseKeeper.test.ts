import { describe, expect, it } from 'vitest';
import { leaseTiming, type LeaseState } from '@/lib/cluster/leaseKeeperPolicy';
import { RoomLease } from '@/lib/cluster/roomLease';
import { acquireAndKeep } from '@/lib/cluster/roomLeaseKeeper';
import { createSystemClock } from '@/lib/server/systemClock';
import { redisPerTestFile } from '../../helpers/localRedisClients';

const redis = redisPerTestFile();

// Short, so that the test runs in about a second: renew every 200 ms, retry every 60, stop publishing 100 early.
const TIMING = leaseTiming(600);

/** A keeper on real Redis and the real clock, with promises for its renewals and its state changes. */
async function keepLease(roomId: string, nodeId: string) {
  const clock = createSystemClock();
  const lease = new RoomLease(await redis.client(), { sendTimeoutMs: 100 });
  let renewals = 0;
  const renewalWaiters: { count: number; resolve: () => void }[] = [];
  const stateWaiters = new Map<LeaseState, () => void>();
  const keeper = await acquireAndKeep(
    {
      acquire: (...args) => lease.acquire(...args),
      release: (...args) => lease.release(...args),
      renew: async (...args) => {
        const renewed = await lease.renew(...args);
        renewals++;
        for (const waiter of renewalWaiters.filter((w) => renewals >= w.count)) waiter.resolve();
        return renewed;
      },
    },
    { clock, timing: TIMING, roomId, nodeId, onStateChange: (state) => stateWaiters.get(state)?.() },
  );
  if (!keeper) throw new Error(`${nodeId} did not get the lease of ${roomId}`);
  return {
    keeper,
    token: keeper.fence.token,
    renewed: (count: number) => new Promise<void>((resolve) => renewalWaiters.push({ count, resolve })),
    reaches: (state: LeaseState) => new Promise<void>((resolve) => stateWaiters.set(state, resolve)),
  };
}

describe('RoomLeaseKeeper on a real redis-server', () => {
  it('holds the lease well past its ttl by renewing it', async () => {
    const kept = await keepLease('r1', 'a');
    try {
      await kept.renewed(6); // about 1.2 s: twice the ttl
      expect(kept.keeper.canPublish()).toBe(true);
      expect(await new RoomLease(redis.admin).holder('r1')).toEqual({ nodeId: 'a', token: kept.token });
    } finally {
      kept.keeper.stop();
    }
  });

  it('hands the lease over at once when released', async () => {
    const kept = await keepLease('r1', 'a');
    expect(await kept.keeper.release()).toBe(true);
    expect(kept.keeper.canPublish()).toBe(false);
    const taken = await new RoomLease(redis.admin).acquire('r1', 'b', TIMING.ttlMs);
    expect(taken?.token).toBeGreaterThan(kept.token);
    expect(await acquireAndKeep(new RoomLease(redis.admin), { clock: createSystemClock(), timing: TIMING, roomId: 'r1', nodeId: 'c' })).toBeUndefined();
  });

  it('reports the lease lost after Redis restarted empty; another node then takes it with a larger token', async () => {
    const kept = await keepLease('r1', 'a');
    try {
      await kept.renewed(1);
      const lost = kept.reaches('lost');
      await redis.server.restart();
      await lost;
      expect(kept.keeper.canPublish()).toBe(false);
      await redis.allReady();
      const taken = await new RoomLease(redis.admin).acquire('r1', 'b', TIMING.ttlMs);
      expect(taken?.token).toBeGreaterThan(kept.token);
    } finally {
      kept.keeper.stop();
    }
  });

  it('stops publishing while Redis is down, then reports the lease lost once Redis is back without it', async () => {
    const kept = await keepLease('r1', 'a');
    try {
      await kept.renewed(1);
      const unsure = kept.reaches('unsure');
      const lost = kept.reaches('lost');
      await redis.server.kill();
      await unsure;
      expect(kept.keeper.canPublish()).toBe(false);
      await redis.server.start();
      await lost;
      expect(kept.keeper.canPublish()).toBe(false);
    } finally {
      kept.keeper.stop();
      await redis.allReady();
    }
  });
});
