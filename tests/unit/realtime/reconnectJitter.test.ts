import { describe, expect, it } from 'vitest';
import { restartReconnectDelayMs } from '@/lib/realtime/client/reconnectJitter';
import { seededRandom } from '@/lib/synthetic/random';

describe('restartReconnectDelayMs', () => {
  it.each([
    ['the lowest draw', 5_000, 0, 0],
    ['a middle draw', 5_000, 0.5, 2_500],
    ['a draw just under 1 stays inside the window', 5_000, 0.999_999_9, 4_999],
    ['a source that returns 1 stays inside the window', 5_000, 1, 4_999],
    ['a negative draw is clamped', 5_000, -0.2, 0],
    ['an empty window: at once', 0, 0.7, 0],
    ['a negative window: at once', -10, 0.7, 0],
  ])('%s', (_name, windowMs, draw, expected) => {
    expect(restartReconnectDelayMs(windowMs, () => draw)).toBe(expected);
  });

  it('spreads 1,000 screens evenly over the window (seeded)', () => {
    const random = seededRandom(7);
    const windowMs = 5_000;
    const buckets = new Array<number>(50).fill(0);
    for (let i = 0; i < 1_000; i++) {
      const delay = restartReconnectDelayMs(windowMs, random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(windowMs);
      buckets[Math.floor(delay / 100)]!++;
    }
    // 20 per 100 ms bucket on average; none holds more than 2.5 times that (all at once would be 1,000 in one).
    expect(Math.max(...buckets)).toBeLessThanOrEqual(50);
    expect(Math.min(...buckets)).toBeGreaterThan(0);
  });
});
