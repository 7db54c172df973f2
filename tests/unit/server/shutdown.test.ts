import { describe, expect, it } from 'vitest';
import { createLogger } from '@/lib/server/logger';
import { SHUTDOWN_DEADLINE_MS, shutdownOnSignal } from '@/lib/server/shutdown';

function harness(close: () => Promise<void>) {
  const exits: number[] = [];
  const deadlines: { callback: () => void; delayMs: number }[] = [];
  const messages: string[] = [];
  let closes = 0;
  const stop = shutdownOnSignal({
    close: () => {
      closes++;
      return close();
    },
    logger: createLogger({ destination: { write: (line) => messages.push((JSON.parse(line) as { msg: string }).msg) } }),
    exit: (code) => exits.push(code),
    setDeadline: (callback, delayMs) => deadlines.push({ callback, delayMs }),
  });
  return { stop, exits, deadlines, messages, closes: () => closes };
}

describe('shutdownOnSignal', () => {
  it('closes once and exits 0 when the close finishes', async () => {
    const h = harness(() => Promise.resolve());
    h.stop('SIGTERM');
    h.stop('SIGTERM');
    await Promise.resolve();
    expect(h.closes()).toBe(1);
    expect(h.exits).toEqual([0]);
    expect(h.deadlines.map((d) => d.delayMs)).toEqual([SHUTDOWN_DEADLINE_MS]);
  });

  it('exits 1 when the close fails', async () => {
    const h = harness(() => Promise.reject(new Error('disk full')));
    h.stop('SIGINT');
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.exits).toEqual([1]);
  });

  it('exits anyway at the deadline when the close hangs', () => {
    const h = harness(() => new Promise<void>(() => undefined));
    h.stop('SIGTERM');
    expect(h.exits).toEqual([]);
    h.deadlines[0]?.callback();
    expect(h.exits).toEqual([1]);
    expect(SHUTDOWN_DEADLINE_MS).toBeLessThanOrEqual(10_000);
  });
});
