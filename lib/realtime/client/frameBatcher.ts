/** A hidden page gets no animation frames: queued values are still delivered after this long. */
export const MAX_BATCH_DELAY_MS = 100;

/**
 * Delivers only the latest value of each key pushed within one animation frame, all in one call. A stream releasing
 * dozens of events a second then costs the page one render per frame at most, however the messages fall.
 */
export class FrameBatcher<T extends object> {
  private pending: Partial<T> = {};
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deliver: (latest: Partial<T>) => void) {}

  push<K extends keyof T>(key: K, value: T[K]): void {
    this.pending[key] = value;
    if (this.frame !== null || this.timer !== null) return;
    this.frame = requestAnimationFrame(() => this.flush());
    this.timer = setTimeout(() => this.flush(), MAX_BATCH_DELAY_MS);
  }

  /** Delivers what is queued now, if anything. */
  flush(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.timer !== null) clearTimeout(this.timer);
    this.frame = null;
    this.timer = null;
    const latest = this.pending;
    this.pending = {};
    if (Object.keys(latest).length > 0) this.deliver(latest);
  }

  cancel(): void {
    this.pending = {};
    this.flush();
  }
}
