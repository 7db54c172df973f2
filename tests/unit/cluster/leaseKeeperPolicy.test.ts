import { describe, expect, it } from 'vitest';
import { LeaseKeeperPolicy, leaseTiming, type LeaseState } from '@/lib/cluster/leaseKeeperPolicy';

// ttl 3000 → renew every 1000, retry every 300, stop publishing 500 early.
const TIMING = leaseTiming(3_000);

type Step = { renewed: number } | { failed: number } | 'refused';
const apply = (policy: LeaseKeeperPolicy, step: Step) =>
  step === 'refused' ? policy.refusedRenewal() : 'renewed' in step ? policy.renewed(step.renewed) : policy.failed(step.failed);

describe('leaseTiming', () => {
  it('derives the intervals from the ttl', () => {
    expect(TIMING).toEqual({ ttlMs: 3_000, renewEveryMs: 1_000, retryEveryMs: 300, safetyMarginMs: 500 });
  });

  it.each([
    [{ renewEveryMs: 2_600 }, 'renewEveryMs + safetyMarginMs'],
    [{ safetyMarginMs: 2_000 }, 'renewEveryMs + safetyMarginMs'],
    [{ renewEveryMs: 0 }, 'positive'],
    [{ retryEveryMs: -1 }, 'positive'],
  ])('refuses %o', (overrides, message) => {
    expect(() => leaseTiming(3_000, overrides)).toThrow(message);
  });
});

describe('LeaseKeeperPolicy (acquire sent at 0)', () => {
  const cases: { name: string; steps: Step[]; at: number; canPublish: boolean; state: LeaseState; nextRenewalAtMs: number | undefined }[] = [
    { name: 'fresh: publishes', steps: [], at: 0, canPublish: true, state: 'publishing', nextRenewalAtMs: 1_000 },
    { name: 'fresh: up to ttl − margin (exclusive)', steps: [], at: 2_499, canPublish: true, state: 'publishing', nextRenewalAtMs: 1_000 },
    { name: 'fresh: stops at ttl − margin', steps: [], at: 2_500, canPublish: false, state: 'unsure', nextRenewalAtMs: 1_000 },
    { name: 'renewal confirmed: window counted from its send', steps: [{ renewed: 1_000 }], at: 3_499, canPublish: true, state: 'publishing', nextRenewalAtMs: 2_000 },
    { name: 'renewal confirmed: closes at send + ttl − margin', steps: [{ renewed: 1_000 }], at: 3_500, canPublish: false, state: 'unsure', nextRenewalAtMs: 2_000 },
    { name: 'a failed renewal extends nothing, retries soon', steps: [{ failed: 1_000 }], at: 2_500, canPublish: false, state: 'unsure', nextRenewalAtMs: 1_300 },
    { name: 'a later confirmation reopens the window', steps: [{ failed: 1_000 }, { failed: 1_300 }, { renewed: 2_600 }], at: 2_700, canPublish: true, state: 'publishing', nextRenewalAtMs: 3_600 },
    { name: 'an older confirmation never shortens the window', steps: [{ renewed: 2_000 }, { renewed: 1_000 }], at: 4_000, canPublish: true, state: 'publishing', nextRenewalAtMs: 3_000 },
    { name: 'refused: lost for good', steps: [{ renewed: 1_000 }, 'refused'], at: 1_100, canPublish: false, state: 'lost', nextRenewalAtMs: undefined },
    { name: 'refused: a late confirmation does not revive it', steps: ['refused', { renewed: 1_000 }], at: 1_100, canPublish: false, state: 'lost', nextRenewalAtMs: undefined },
  ];
  it.each(cases)('$name', ({ steps, at, canPublish, state, nextRenewalAtMs }) => {
    const policy = new LeaseKeeperPolicy(TIMING, 0);
    for (const step of steps) apply(policy, step);
    expect(policy.canPublish(at)).toBe(canPublish);
    expect(policy.state(at)).toBe(state);
    expect(policy.nextRenewalAtMs()).toBe(nextRenewalAtMs);
  });
});
