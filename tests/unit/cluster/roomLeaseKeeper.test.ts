import { describe, expect, it } from 'vitest';
import { leaseTiming, type LeaseState } from '@/lib/cluster/leaseKeeperPolicy';
import { RoomLeaseKeeper, type LeaseRenewer } from '@/lib/cluster/roomLeaseKeeper';
import { ManualClock } from '@/lib/replay/manualClock';
import { randomInt, seededRandom } from '@/lib/synthetic/random';

const TIMING = leaseTiming(3_000); // renew every 1000, retry every 300, stop 500 early
const SEND_TIMEOUT_MS = 100;

/**
 * Redis as seen through a network, on the manual clock: a renewal runs `execDelayMs` after it is sent and is answered
 * `replyDelayMs` later, unless the network is down then (a request not sent is rejected after SEND_TIMEOUT_MS; a reply
 * lost rejects too). Another node takes the lease the instant it expires.
 */
class SimulatedRedis implements LeaseRenewer {
  expiresAtMs: number;
  takenOver = false;
  released = false;

  constructor(
    private readonly clock: ManualClock,
    private readonly down: (atMs: number) => boolean,
    private readonly delays: () => { execDelayMs: number; replyDelayMs: number },
  ) {
    this.expiresAtMs = clock.now() + TIMING.ttlMs;
  }

  async release(): Promise<boolean> {
    this.released = true;
    return true;
  }

  /** Lets another node take the lease once it expired. */
  observe(): void {
    if (this.clock.now() >= this.expiresAtMs) this.takenOver = true;
  }

  renew(_roomId: string, _nodeId: string, _token: number, ttlMs: number): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const unreachable = () => reject(new Error('Redis unreachable'));
      if (this.down(this.clock.now())) {
        this.clock.setTimeout(unreachable, SEND_TIMEOUT_MS);
        return;
      }
      const { execDelayMs, replyDelayMs } = this.delays();
      this.clock.setTimeout(() => {
        this.observe();
        const held = !this.takenOver;
        if (held) this.expiresAtMs = this.clock.now() + ttlMs;
        this.clock.setTimeout(() => (this.down(this.clock.now()) ? unreachable() : resolve(held)), replyDelayMs);
      }, execDelayMs);
    });
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/** Runs the keeper 1 ms at a time until `untilMs`, checking at each step that it never publishes past the safe point. */
async function run(clock: ManualClock, redis: SimulatedRedis, keeper: RoomLeaseKeeper, untilMs: number) {
  const publishing: boolean[] = [];
  while (clock.now() < untilMs) {
    clock.advance(1);
    await flush();
    redis.observe();
    const canPublish = keeper.canPublish();
    publishing.push(canPublish);
    if (canPublish && (redis.takenOver || clock.now() >= redis.expiresAtMs - TIMING.safetyMarginMs)) {
      throw new Error(`published at ${clock.now()} with the lease expiring at ${redis.expiresAtMs} (taken over: ${redis.takenOver})`);
    }
  }
  return publishing;
}

function keeperOn(clock: ManualClock, redis: SimulatedRedis, states: LeaseState[]) {
  return new RoomLeaseKeeper({
    lease: redis,
    clock,
    timing: TIMING,
    roomId: 'r1',
    fence: { nodeId: 'a', token: 7 },
    acquiredSentAtMs: clock.now(),
    onStateChange: (state) => states.push(state),
  });
}

describe('RoomLeaseKeeper on a manual clock', () => {
  it('publishes all along while Redis answers, renewing every third of the ttl', async () => {
    const clock = new ManualClock(0);
    let renewals = 0;
    const redis = new SimulatedRedis(clock, () => false, () => (renewals++, { execDelayMs: 5, replyDelayMs: 5 }));
    const states: LeaseState[] = [];
    const keeper = keeperOn(clock, redis, states);
    const publishing = await run(clock, redis, keeper, 10_000);
    expect(publishing.every(Boolean)).toBe(true);
    expect(states).toEqual([]);
    expect(renewals).toBe(10);
  });

  it('stops publishing when renewals fail, before the lease can expire, and resumes when a retry is confirmed in time', async () => {
    const clock = new ManualClock(0);
    const redis = new SimulatedRedis(clock, (at) => at >= 1_500 && at < 3_700, () => ({ execDelayMs: 0, replyDelayMs: 0 }));
    const states: LeaseState[] = [];
    const keeper = keeperOn(clock, redis, states);
    const publishing = await run(clock, redis, keeper, 6_000);
    // Confirmed at 1000 → window until 3500; retries fail until the network is back at 3700; the 3800 retry wins.
    const stoppedMs = publishing.flatMap((on, i) => (on ? [] : [i + 1]));
    expect([stoppedMs[0], stoppedMs.at(-1)]).toEqual([3_500, 3_799]);
    expect(stoppedMs).toHaveLength(300);
    expect(states).toEqual(['unsure', 'publishing']);
    expect(redis.takenOver).toBe(false);
  });

  it('reports the lease lost when Redis stays away past the ttl and another node took it', async () => {
    const clock = new ManualClock(0);
    const redis = new SimulatedRedis(clock, (at) => at >= 1_500 && at < 8_000, () => ({ execDelayMs: 0, replyDelayMs: 0 }));
    const states: LeaseState[] = [];
    const keeper = keeperOn(clock, redis, states);
    const publishing = await run(clock, redis, keeper, 9_000);
    expect(redis.takenOver).toBe(true);
    expect(states).toEqual(['unsure', 'lost']);
    expect(publishing.lastIndexOf(true) + 1).toBe(3_499);
    expect(keeper.state).toBe('lost');
  });

  it.each([1, 2, 3, 4, 5])('never publishes past the safe point with random delays and outages (seed %i)', async (seed) => {
    const random = seededRandom(seed);
    const clock = new ManualClock(0);
    const outages = Array.from({ length: 6 }, () => {
      const startMs = randomInt(random, 28_000);
      return { startMs, endMs: startMs + randomInt(random, 4_000) };
    });
    const down = (at: number) => outages.some((o) => at >= o.startMs && at < o.endMs);
    // Delays up to 400 ms each way: a reply may come after the window it would have extended.
    const redis = new SimulatedRedis(clock, down, () => ({ execDelayMs: randomInt(random, 400), replyDelayMs: randomInt(random, 400) }));
    const keeper = keeperOn(clock, redis, []);
    const publishing = await run(clock, redis, keeper, 30_000);
    // Not vacuous: it did publish, for most of the run unless the lease was lost.
    expect(publishing.filter(Boolean).length).toBeGreaterThan(redis.takenOver ? 1_000 : 15_000);
  });

  it('stops renewing and gives the lease up when released', async () => {
    const clock = new ManualClock(0);
    const redis = new SimulatedRedis(clock, () => false, () => ({ execDelayMs: 0, replyDelayMs: 0 }));
    const keeper = keeperOn(clock, redis, []);
    expect(await keeper.release()).toBe(true);
    expect(redis.released).toBe(true);
    expect(keeper.canPublish()).toBe(false);
    expect(keeper.state).toBe('lost');
    expect(clock.pendingTimers()).toBe(0);
  });

  it('stops renewing when stopped', async () => {
    const clock = new ManualClock(0);
    let renewals = 0;
    const redis = new SimulatedRedis(clock, () => false, () => (renewals++, { execDelayMs: 0, replyDelayMs: 0 }));
    const keeper = keeperOn(clock, redis, []);
    await run(clock, redis, keeper, 1_500);
    keeper.stop();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(10_000);
    expect(renewals).toBe(1);
    expect(keeper.canPublish()).toBe(false);
  });
});
