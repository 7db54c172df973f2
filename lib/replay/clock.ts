/** An opaque timer handle, as returned by `Clock.setTimeout`. */
export type TimerHandle = { readonly id: number } | ReturnType<typeof globalThis.setTimeout>;

/**
 * The only source of time and timers for the replay. The server passes a system clock; tests pass a ManualClock.
 * `now()` is wall time in epoch milliseconds.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
