/**
 * The baseline scheduler: plain setTimeout, releasing each item at its epoch instant. It arms one timer for the
 * next instant, measured from Date.now() each time (so it cannot drift), and on firing releases everything due.
 */
export interface TimedItem<T> {
  atMs: number;
  item: T;
}

export interface ReleaseTimer {
  /** Releases what is due now, and nothing after it. */
  stop(): void;
}

export function releaseAtInstants<T>(items: readonly TimedItem<T>[], release: (item: T, atMs: number) => void): ReleaseTimer {
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const upcoming = items[next];
    timer = upcoming === undefined ? undefined : setTimeout(fire, Math.max(0, upcoming.atMs - Date.now()));
  };
  const releaseDue = () => {
    const now = Date.now();
    for (let due = items[next]; due !== undefined && due.atMs <= now; due = items[next]) {
      next++;
      release(due.item, due.atMs);
    }
  };
  const fire = () => {
    releaseDue();
    arm();
  };
  arm();
  return {
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      releaseDue();
      next = items.length;
    },
  };
}
