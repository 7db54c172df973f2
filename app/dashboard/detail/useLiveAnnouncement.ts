'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import type { StoryEvent } from '@/lib/events/schema';
import type { Clock, TimerHandle } from '@/lib/replay/clock';
import { appendedEvents, INITIAL_ANNOUNCER_STATE, stepAnnouncer, type AnnouncerInput, type EventListObservation } from './liveAnnouncements';

const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle: TimerHandle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Drives the pure announcer: diffs each observation, arms one timer for pending events, holds the current message. */
class LiveAnnouncementDriver {
  private previous: EventListObservation<StoryEvent> | null = null;
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

  /** `shownIds`: the events that pass the filter; only those are announced. */
  observe(next: EventListObservation<StoryEvent> | null, shownIds: ReadonlySet<string>): void {
    const previous = this.previous;
    this.previous = next;
    if (!next) return this.step({ kind: 'reset' });
    const appended = appendedEvents(previous, next);
    if (appended === null) return this.step({ kind: 'reset' });
    const shown = appended.filter((event) => shownIds.has(event.id));
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
export function useLiveAnnouncement(observation: EventListObservation<StoryEvent> | null, shownEvents: readonly StoryEvent[]): string {
  const [driver] = useState(() => new LiveAnnouncementDriver(browserClock));
  useEffect(() => {
    driver.observe(observation, new Set(shownEvents.map((event) => event.id)));
  }, [driver, observation, shownEvents]);
  useEffect(() => () => driver.stop(), [driver]);
  return useSyncExternalStore(driver.subscribe, driver.currentMessage, () => '');
}
