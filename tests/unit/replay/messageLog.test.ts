import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_WALL_MS, MessageLog, type ResumeResult } from '@/lib/replay/messageLog';

type Body = { kind: 'note'; text: string };
const note = (text: string): Body => ({ kind: 'note', text });

/** Seqs of a resume result, or 'gap'. */
const seqs = (result: ResumeResult<Body>): number[] | 'gap' => (result.kind === 'gap' ? 'gap' : result.messages.map((m) => m.seq));

describe('MessageLog numbering', () => {
  it('numbers messages 1, 2, 3... by default, keeping the body', () => {
    const log = new MessageLog<Body>();
    expect(log.lastSeq).toBe(0);
    const appended = ['a', 'b', 'c', 'd', 'e'].map((text, i) => log.append(note(text), i * 1_000));
    expect(appended).toEqual([
      { kind: 'note', text: 'a', seq: 1 },
      { kind: 'note', text: 'b', seq: 2 },
      { kind: 'note', text: 'c', seq: 3 },
      { kind: 'note', text: 'd', seq: 4 },
      { kind: 'note', text: 'e', seq: 5 },
    ]);
    expect(log.lastSeq).toBe(5);
  });

  it('starts from firstSeq when given one, still by exactly 1', () => {
    const log = new MessageLog<Body>(DEFAULT_RETENTION_WALL_MS, 100_000, 100);
    expect(log.lastSeq).toBe(99);
    expect([log.append(note('a'), 0).seq, log.append(note('b'), 0).seq, log.append(note('c'), 0).seq]).toEqual([100, 101, 102]);
    expect(seqs(log.since(99, 0))).toEqual([100, 101, 102]);
  });

  it('does not mutate the appended body', () => {
    const log = new MessageLog<Body>();
    const body = note('a');
    log.append(body, 0);
    expect(body).toEqual({ kind: 'note', text: 'a' });
  });

  it('keeps numbering by 1 through pruning and compaction (5000 messages, 100 held)', () => {
    const log = new MessageLog<Body>(Number.POSITIVE_INFINITY, 100);
    for (let i = 0; i < 5_000; i++) expect(log.append(note(`m${i}`), i).seq).toBe(i + 1);
    expect(seqs(log.since(4_900, 5_000))).toEqual(Array.from({ length: 100 }, (_, i) => 4_901 + i));
    expect(seqs(log.since(4_899, 5_000))).toBe('gap');
    expect(seqs(log.since(4_999, 5_000))).toEqual([5_000]);
  });
});

describe('MessageLog.since (retention 120 s)', () => {
  // Messages 1..4 appended at wall times 0, 10 s, 60 s and 130 s; each case queries a fresh log.
  const build = () => {
    const log = new MessageLog<Body>(120_000);
    log.append(note('one'), 0);
    log.append(note('two'), 10_000);
    log.append(note('three'), 60_000);
    log.append(note('four'), 130_000);
    return log;
  };

  it.each<[string, number, number, number[] | 'gap']>([
    ['message 1 is no longer held at 130 s', 0, 130_000, 'gap'],
    ['after 1: everything still held', 1, 130_000, [2, 3, 4]],
    ['after 2', 2, 130_000, [3, 4]],
    ['after 3', 3, 130_000, [4]],
    ['after the last seq: nothing to send', 4, 130_000, []],
    ['after the last seq, long after everything was dropped', 4, 10_000_000, []],
    ['a seq ahead of the log', 5, 130_000, 'gap'],
    ['a negative seq', -1, 130_000, 'gap'],
    ['a fractional seq', 1.5, 130_000, 'gap'],
    ['NaN', Number.NaN, 130_000, 'gap'],
    ['message 2 (sent at 10 s) is still held at exactly 130 s', 1, 130_000, [2, 3, 4]],
    ['message 2 is dropped 1 ms later', 1, 130_001, 'gap'],
    ['after 2 at 130.001 s', 2, 130_001, [3, 4]],
    ['message 3 (sent at 60 s) is held until 180 s', 2, 180_000, [3, 4]],
    ['message 3 is dropped at 180.001 s', 2, 180_001, 'gap'],
    ['after 3 at 180.001 s', 3, 180_001, [4]],
    ['message 4 is dropped at 250.001 s', 3, 250_001, 'gap'],
  ])('%s: since(%d) at %d ms', (_name, lastSeq, nowMs, expected) => {
    expect(seqs(build().since(lastSeq, nowMs))).toEqual(expected);
  });

  it('returns the messages themselves, in order', () => {
    const result = build().since(2, 130_000);
    expect(result).toEqual({ kind: 'messages', messages: [{ kind: 'note', text: 'three', seq: 3 }, { kind: 'note', text: 'four', seq: 4 }] });
  });
});

describe('MessageLog defaults', () => {
  it('holds messages for 2 minutes by default', () => {
    expect(DEFAULT_RETENTION_WALL_MS).toBe(120_000);
    const held = new MessageLog<Body>();
    held.append(note('a'), 5_000);
    expect(seqs(held.since(0, 125_000))).toEqual([1]);
    const dropped = new MessageLog<Body>();
    dropped.append(note('a'), 5_000);
    expect(seqs(dropped.since(0, 125_001))).toBe('gap');
  });

  it('an empty log has nothing after 0 and a gap after anything else', () => {
    const log = new MessageLog<Body>();
    expect(seqs(log.since(0, 0))).toEqual([]);
    expect(seqs(log.since(1, 0))).toBe('gap');
  });

  it('the hard cap drops the oldest messages beyond maxMessages', () => {
    const log = new MessageLog<Body>(Number.POSITIVE_INFINITY, 3);
    for (const text of ['a', 'b', 'c', 'd', 'e']) log.append(note(text), 0);
    expect(seqs(log.since(2, 0))).toEqual([3, 4, 5]);
    expect(seqs(log.since(1, 0))).toBe('gap');
  });
});
