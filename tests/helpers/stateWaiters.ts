type Waiter = { check: () => boolean; resolve: () => void };

/** Waits on conditions that are checked again whenever the owner says something changed: waits on state, not time. */
export class StateWaiters {
  private waiters: Waiter[] = [];

  /** @param describe what the owner holds now, for the message of a wait that timed out */
  constructor(private readonly describe: () => string) {}

  /** Checks every pending wait again; to be called after every change. */
  notify(): void {
    const pending = this.waiters;
    this.waiters = [];
    for (const waiter of pending) {
      if (waiter.check()) waiter.resolve();
      else this.waiters.push(waiter);
    }
  }

  /** Resolves once `check()` holds (now or after a later `notify`); rejects after `timeoutMs`. */
  waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${this.describe()})`));
      }, timeoutMs);
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Forgets every pending wait (their timers still reject them). */
  clear(): void {
    this.waiters = [];
  }
}
