import type { Clock, TimerHandle } from './clock';

interface PendingTimer {
  id: number;
  dueMs: number;
  callback: () => void;
}

/** A clock that moves only when told to: `advance(ms)` runs every timer that falls due, in order. */
export class ManualClock implements Clock {
  private currentMs: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  constructor(startMs = 0) {
    this.currentMs = startMs;
  }

  now(): number {
    return this.currentMs;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const timer = { id: this.nextId++, dueMs: this.currentMs + Math.max(0, delayMs), callback };
    this.timers.push(timer);
    return { id: timer.id };
  }

  clearTimeout(handle: TimerHandle): void {
    const id = (handle as { id: number }).id;
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** Moves time forward by `ms`, firing due timers in due order (ties in creation order). */
  advance(ms: number): void {
    const targetMs = this.currentMs + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.dueMs <= targetMs)
        .sort((a, b) => a.dueMs - b.dueMs || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.currentMs = Math.max(this.currentMs, due.dueMs);
      due.callback();
    }
    this.currentMs = targetMs;
  }

  /** Moves to the instant `ms` (never backwards). */
  advanceTo(ms: number): void {
    this.advance(Math.max(0, ms - this.currentMs));
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}
