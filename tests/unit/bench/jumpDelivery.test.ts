import { describe, expect, it } from 'vitest';
import { jumpDeliveryOf, type JumpReceipts } from '@/bench/jumps/jumpDelivery';

const receipts = (pairs: [number, number][]): JumpReceipts => ({ seqs: pairs.map(([seq]) => seq), receivedMs: pairs.map(([, ms]) => ms) });

describe('jumpDeliveryOf', () => {
  it.each([
    {
      name: 'each sent jump received once gives its latency',
      got: receipts([[5, 1_010], [6, 1_130]]),
      sent: new Map([[5, 1_000], [6, 1_100]]),
      expected: { latenciesMs: [10, 30], missing: 0 },
    },
    {
      name: 'a jump received twice counts from its first arrival',
      got: receipts([[5, 1_010], [5, 1_050]]),
      sent: new Map([[5, 1_000]]),
      expected: { latenciesMs: [10], missing: 0 },
    },
    {
      name: 'a sent jump never received is missing',
      got: receipts([[5, 1_010]]),
      sent: new Map([[5, 1_000], [6, 1_100]]),
      expected: { latenciesMs: [10], missing: 1 },
    },
    {
      name: 'jumps the window did not send are ignored',
      got: receipts([[3, 900], [4, 950], [6, 1_104]]),
      sent: new Map([[6, 1_100]]),
      expected: { latenciesMs: [4], missing: 0 },
    },
    { name: 'nothing received: every sent jump is missing', got: receipts([]), sent: new Map([[1, 0], [2, 0]]), expected: { latenciesMs: [], missing: 2 } },
  ])('$name', ({ got, sent, expected }) => {
    expect(jumpDeliveryOf(got, sent)).toEqual(expected);
  });
});
