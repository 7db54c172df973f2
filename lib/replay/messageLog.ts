import type { Sequenced } from './replayMessages';

/** Messages are held for resume at least this long. */
export const DEFAULT_RETENTION_WALL_MS = 2 * 60 * 1_000;

export type ResumeResult<T> = { kind: 'messages'; messages: Sequenced<T>[] } | { kind: 'gap' };

/**
 * Numbers a room's messages (seq grows by exactly one per message) and holds recent ones so that a client
 * can ask for everything after the last seq it saw. Time is passed in; the log reads no clock.
 */
export class MessageLog<T> {
  private entries: { atMs: number; message: Sequenced<T> }[] = [];
  private head = 0;
  private last: number;

  constructor(
    private readonly retentionWallMs = DEFAULT_RETENTION_WALL_MS,
    /** A hard cap on held messages, far above what the retention needs at normal replay rates. */
    private readonly maxMessages = 100_000,
    firstSeq = 1,
  ) {
    this.last = firstSeq - 1;
  }

  get lastSeq(): number {
    return this.last;
  }

  append(body: T, nowMs: number): Sequenced<T> {
    const message = { ...body, seq: ++this.last } as Sequenced<T>;
    this.entries.push({ atMs: nowMs, message });
    this.prune(nowMs);
    return message;
  }

  /** Every held message after `lastSeq`, in order; or a gap when some of them are no longer held. */
  since(lastSeq: number, nowMs: number): ResumeResult<T> {
    this.prune(nowMs);
    if (!Number.isInteger(lastSeq) || lastSeq > this.last || lastSeq < 0) return { kind: 'gap' };
    if (lastSeq === this.last) return { kind: 'messages', messages: [] };
    const oldest = this.entries[this.head];
    if (!oldest || oldest.message.seq > lastSeq + 1) return { kind: 'gap' };
    const start = this.head + (lastSeq + 1 - oldest.message.seq);
    return { kind: 'messages', messages: this.entries.slice(start).map((e) => e.message) };
  }

  private prune(nowMs: number): void {
    const oldestKeptMs = nowMs - this.retentionWallMs;
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head] as { atMs: number };
      const held = this.entries.length - this.head;
      if (entry.atMs >= oldestKeptMs && held <= this.maxMessages) break;
      this.head++;
    }
    if (this.head > 1_024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
