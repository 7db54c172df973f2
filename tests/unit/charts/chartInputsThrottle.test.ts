import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHART_REFRESH_MS, ChartInputsThrottle, MAX_STREAMED_AT_ONCE, SCRUB_REST_MS, type ChartInputs } from '@/app/roomScreen/charts/useChartInputs';
import type { StoryEvent } from '@/lib/events/schema';

const STORY = Array.from({ length: 200 }, (_, i) => ({ id: `event-${i}` }) as unknown as StoryEvent);
const OTHER_STORY = STORY.slice(0, 100);
const DOMAIN = { startMs: 0, endMs: 1_000 };
const inputs = (releasedCount: number, playheadMs = 0, events: readonly StoryEvent[] = STORY, jumped = false): ChartInputs => ({
  events,
  releasedCount,
  domain: DOMAIN,
  playheadMs,
  isFiltered: false,
  jumped,
});

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
    const first = inputs(3);
    const { throttle, notified } = throttleShowing(first);
    const next = inputs(4, 10);
    throttle.offer(next, 'latest');
    expect(throttle.current()).toBe(next);
    expect(notified).not.toHaveBeenCalled();
  });

  it('streams a few new events at most once per refresh period', () => {
    const first = inputs(3);
    const { throttle, notified } = throttleShowing(first);
    throttle.offer(inputs(4), 'latest');
    const streamed = inputs(6, 20);
    throttle.offer(streamed, 'stream');
    expect(throttle.current()).not.toBe(streamed);
    vi.advanceTimersByTime(CHART_REFRESH_MS - 1);
    expect(notified).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(throttle.current()).toBe(streamed);
    expect(notified).toHaveBeenCalledTimes(1);
  });

  it('shows a jump (more than a stream brings at once, fewer events, or another story or filter) at once while streaming', () => {
    const first = inputs(3);
    const { throttle, notified } = throttleShowing(first);
    const jump = inputs(3 + MAX_STREAMED_AT_ONCE + 1, 30);
    throttle.offer(jump, 'stream');
    expect(throttle.current()).toBe(jump);
    const rewound = inputs(2, 5);
    throttle.offer(rewound, 'stream');
    expect(throttle.current()).toBe(rewound);
    const filtered = inputs(3, 5, OTHER_STORY);
    throttle.offer(filtered, 'stream');
    expect(throttle.current()).toBe(filtered);
    expect(notified).toHaveBeenCalledTimes(3);
  });

  it('shows a jump the stream named at once while streaming, even a jump of one event forward', () => {
    const first = inputs(3);
    const { throttle, notified } = throttleShowing(first);
    const stepped = inputs(4, 40, STORY, true);
    throttle.offer(stepped, 'stream');
    expect(throttle.current()).toBe(stepped);
    expect(notified).toHaveBeenCalledTimes(1);
    // The same count reached by a release waits for the refresh.
    const released = inputs(5, 41);
    throttle.offer(released, 'stream');
    expect(throttle.current()).toBe(stepped);
  });

  it('holds while the playhead is dragged and catches up once it rests', () => {
    const first = inputs(10);
    const { throttle, notified } = throttleShowing(first);
    let latest = first;
    for (let step = 1; step <= 20; step++) {
      latest = inputs(10 - (step % 5), step);
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
    const first = inputs(3);
    const { throttle, notified } = throttleShowing(first);
    throttle.offer(inputs(3, 99), 'hold');
    throttle.dispose();
    vi.advanceTimersByTime(SCRUB_REST_MS * 4);
    expect(notified).not.toHaveBeenCalled();
  });
});
