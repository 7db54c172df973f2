import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHART_REFRESH_MS, ChartInputsThrottle, MAX_STREAMED_AT_ONCE, SCRUB_REST_MS, type ChartInputs } from '@/app/dashboard/charts/useChartInputs';
import type { StoryEvent } from '@/lib/events/schema';

const event = (i: number) => ({ id: `event-${i}` }) as unknown as StoryEvent;
const events = (count: number, from: readonly StoryEvent[] = []) => [...from, ...Array.from({ length: count - from.length }, (_, i) => event(from.length + i))];
const inputs = (list: readonly StoryEvent[], playheadMs = 0): ChartInputs => ({ events: list, playheadMs, isFiltered: false });

describe('ChartInputsThrottle', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  function throttleShowing(first: ChartInputs) {
    const throttle = new ChartInputsThrottle(first);
    const notified = vi.fn();
    throttle.subscribe(notified);
    return { throttle, notified };
  }

  it('takes the latest inputs at once when asked, without a render of its own', () => {
    const first = inputs(events(3));
    const { throttle, notified } = throttleShowing(first);
    const next = inputs(events(4, first.events), 10);
    throttle.offer(next, 'latest');
    expect(throttle.current()).toBe(next);
    expect(notified).not.toHaveBeenCalled();
  });

  it('streams a few new events at most once per refresh period', () => {
    const first = inputs(events(3));
    const { throttle, notified } = throttleShowing(first);
    throttle.offer(inputs(events(4, first.events)), 'latest');
    const streamed = inputs(events(6, throttle.current().events), 20);
    throttle.offer(streamed, 'stream');
    expect(throttle.current()).not.toBe(streamed);
    vi.advanceTimersByTime(CHART_REFRESH_MS - 1);
    expect(notified).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(throttle.current()).toBe(streamed);
    expect(notified).toHaveBeenCalledTimes(1);
  });

  it('shows a jump (more than a stream brings at once, or a different list) at once while streaming', () => {
    const first = inputs(events(3));
    const { throttle, notified } = throttleShowing(first);
    const jump = inputs(events(3 + MAX_STREAMED_AT_ONCE + 1, first.events), 30);
    throttle.offer(jump, 'stream');
    expect(throttle.current()).toBe(jump);
    const rewound = inputs(events(2), 5);
    throttle.offer(rewound, 'stream');
    expect(throttle.current()).toBe(rewound);
    expect(notified).toHaveBeenCalledTimes(2);
  });

  it('holds while the playhead is dragged and catches up once it rests', () => {
    const first = inputs(events(10));
    const { throttle, notified } = throttleShowing(first);
    let latest = first;
    for (let step = 1; step <= 20; step++) {
      latest = inputs(first.events.slice(0, 10 - (step % 5)), step);
      throttle.offer(latest, 'hold');
      vi.advanceTimersByTime(SCRUB_REST_MS - 50);
    }
    expect(notified).not.toHaveBeenCalled();
    expect(throttle.current()).toBe(first);
    vi.advanceTimersByTime(50);
    expect(throttle.current()).toBe(latest);
    expect(notified).toHaveBeenCalledTimes(1);
  });

  it('forgets a pending update when disposed', () => {
    const first = inputs(events(3));
    const { throttle, notified } = throttleShowing(first);
    throttle.offer(inputs(events(3), 99), 'hold');
    throttle.dispose();
    vi.advanceTimersByTime(SCRUB_REST_MS * 4);
    expect(notified).not.toHaveBeenCalled();
  });
});
