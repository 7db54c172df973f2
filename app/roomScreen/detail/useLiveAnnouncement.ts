'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StoryEvent } from '@/lib/events/schema';
import type { Clock, TimerHandle } from '@/lib/replay/clock';
import { applyFilter, type EventFilter } from '@/lib/replay/eventFilter';
import { INITIAL_ANNOUNCER_STATE, releasedSince, stepAnnouncer, type AnnouncerInput, type ReleaseObservation } from './liveAnnouncements';

const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle: TimerHandle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Drives the pure announcer: compares each observation with the last, arms one timer for pending events, holds the current message. */
class LiveAnnouncementDriver {
  private previous: ReleaseObservation | null = null;
  private state = INITIAL_ANNOUNCER_STATE;
  private timer: TimerHandle | null = null;
  private message = '';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly currentMessage = (): string => this.message;

  /** `events`: the story's events in story order; only the new ones that pass `filter` are announced. */
  observe(next: ReleaseObservation | null, events: readonly StoryEvent[], filter: EventFilter): void {
    const previous = this.previous;
    this.previous = next;
    if (!next) return this.step({ kind: 'reset' });
    const range = releasedSince(previous, next);
    if (range === null) return this.step({ kind: 'reset' });
    const shown = applyFilter(events.slice(range.from, range.to), filter);
    if (shown.length > 0) this.step({ kind: 'appended', events: shown });
  }

  stop(): void {
    this.disarm();
  }

  private step(input: AnnouncerInput): void {
    const result = stepAnnouncer(this.state, input, this.clock.now());
    this.state = result.state;
    this.disarm();
    if (result.nextDueAtMs !== null) {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.step({ kind: 'due' });
      }, Math.max(0, result.nextDueAtMs - this.clock.now()));
    }
    if (result.announcement !== null) {
      this.message = result.announcement;
      for (const listener of this.listeners) listener();
    }
  }

  private disarm(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The current polite announcement of newly released events (see liveAnnouncements.ts for the rules). */
export function useLiveAnnouncement(observation: ReleaseObservation | null, events: readonly StoryEvent[], filter: EventFilter): string {
  const [driver] = useState(() => new LiveAnnouncementDriver(browserClock));
  useEffect(() => {
    driver.observe(observation, events, filter);
  }, [driver, observation, events, filter]);
  useEffect(() => () => driver.stop(), [driver]);
  return useSyncExternalStore(driver.subscribe, driver.currentMessage, () => '');
}
