import { describe, expect, it } from 'vitest';
import { runWithLimit } from '@/bench/core/inFlight';

describe('runWithLimit', () => {
  it.each([
    [0, 3],
    [1, 3],
    [7, 3],
    [3, 10],
  ])('runs the task %i times with at most %i at once', async (count, limit) => {
    let running = 0;
    let most = 0;
    let runs = 0;
    await runWithLimit(count, limit, async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      runs++;
    });
    expect(runs).toBe(count);
    expect(most).toBe(Math.min(limit, count));
  });

  it('rejects with the first failure', async () => {
    await expect(runWithLimit(5, 2, async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
  });
});
