'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import type { StoryEvent } from '@/lib/events/schema';

/**
 * While the room plays, the charts redraw at most this often: redrawing a recharts chart takes tens of milliseconds
 * of work that cannot be split across frames, and the playhead moves and events arrive many times a second.
 */
export const CHART_REFRESH_MS = 1_000;

/** While the playhead is dragged, the charts catch up once it has rested this long (the pointer still held). */
export const SCRUB_REST_MS = 250;

/**
 * More events than this revealed at once is treated as a jump even when the room's last change was a release (a
 * jump followed by releases within one refresh period): the charts follow at once.
 */
export const MAX_STREAMED_AT_ONCE = 50;

export interface ChartInputs {
  /** The story's events that pass the filter, in story order. */
  events: readonly StoryEvent[];
  /** How many of them are released. */
  releasedCount: number;
  domain: ChartDomain;
  playheadMs: number;
  isFiltered: boolean;
  /** The room's last change was a jump or a snapshot (the stream says so: lib/replay/streamReducer). */
  jumped: boolean;
}

/** Whether `next` only moves on from `previous` by a few released events or a running playhead (not a jump). */
function isStreamed(previous: ChartInputs, next: ChartInputs): boolean {
  if (next.jumped) return false;
  if (previous.isFiltered !== next.isFiltered || previous.events !== next.events || previous.domain !== next.domain) return false;
  const added = next.releasedCount - previous.releasedCount;
  return added >= 0 && added <= MAX_STREAMED_AT_ONCE;
}

/**
 * How the charts follow the screen: `latest`, at once (a paused room, a seek, a filter, a viewer's own position);
 * `stream`, at most every CHART_REFRESH_MS (the screen follows a playing room; a seek still goes at once); `hold`,
 * while the playhead is dragged: once it rests for SCRUB_REST_MS or is released (a redraw takes longer than a frame,
 * so the charts do not redraw while it moves).
 */
export type ChartPace = 'latest' | 'stream' | 'hold';

/** The inputs the charts drew last, moved on by `offer` after each commit; it tells React when to draw again. */
export class ChartInputsThrottle {
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private shownAtMs = Number.NEGATIVE_INFINITY;

  constructor(private shown: ChartInputs) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = () => this.shown;

  offer(latest: ChartInputs, pace: ChartPace): void {
    clearTimeout(this.timer);
    if (latest === this.shown) return;
    if (pace === 'latest') {
      // Drawn from `latest` directly this time: remembered without a render of its own.
      this.shown = latest;
      this.shownAtMs = performance.now();
      return;
    }
    const show = () => {
      this.shown = latest;
      this.shownAtMs = performance.now();
      for (const listener of this.listeners) listener();
    };
    if (pace === 'hold') {
      this.timer = setTimeout(show, SCRUB_REST_MS);
      return;
    }
    if (!isStreamed(this.shown, latest)) return show();
    this.timer = setTimeout(show, Math.max(0, this.shownAtMs + CHART_REFRESH_MS - performance.now()));
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** What the charts draw, at the pace given (see ChartPace); `latest` is a new object only when an input changed. */
export function useChartInputs(latest: ChartInputs, pace: ChartPace): ChartInputs {
  const [throttle] = useState(() => new ChartInputsThrottle(latest));
  const throttled = useSyncExternalStore(throttle.subscribe, throttle.current, throttle.current);
  useEffect(() => throttle.offer(latest, pace), [throttle, latest, pace]);
  useEffect(() => () => throttle.dispose(), [throttle]);
  return pace === 'latest' ? latest : throttled;
}
