import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameBatcher, MAX_BATCH_DELAY_MS } from '@/lib/realtime/client/frameBatcher';

describe('FrameBatcher', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    frames = [];
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('delivers the latest value of each key once per frame, in one call', () => {
    const delivered: object[] = [];
    const batcher = new FrameBatcher<{ state: number; info: string }>((latest) => delivered.push(latest));
    batcher.push('state', 1);
    batcher.push('state', 2);
    batcher.push('info', 'live');
    expect(delivered).toEqual([]);
    frames.shift()?.();
    expect(delivered).toEqual([{ state: 2, info: 'live' }]);
    batcher.push('state', 3);
    frames.pop()?.();
    expect(delivered).toEqual([{ state: 2, info: 'live' }, { state: 3 }]);
  });

  it('delivers without a frame after a short delay (a hidden page gets none), and at once when flushed', () => {
    const delivered: object[] = [];
    const batcher = new FrameBatcher<{ state: number }>((latest) => delivered.push(latest));
    batcher.push('state', 1);
    vi.advanceTimersByTime(MAX_BATCH_DELAY_MS);
    expect(delivered).toEqual([{ state: 1 }]);
    batcher.push('state', 2);
    batcher.flush();
    expect(delivered).toEqual([{ state: 1 }, { state: 2 }]);
    batcher.push('state', 3);
    batcher.cancel();
    vi.advanceTimersByTime(MAX_BATCH_DELAY_MS);
    expect(delivered).toHaveLength(2);
  });
});
