import { describe, expect, it } from 'vitest';
import { controlPayloadSchema } from '@/lib/realtime/protocol';
import { fuzzMessages, type FuzzMessage } from '../../helpers/protocolFuzz/fuzzMessages';
import { describeMessage } from '../../helpers/protocolFuzz/fuzzOracle';

const FACTS = {
  seekTargets: ['2025-03-04T01:00:00.000Z', '2025-03-10T01:00:00.000Z'],
  eventIds: ['river-rises', 'levee-gives-way'],
  rooms: [{ id: 'live', presenterKey: 'k'.repeat(43) }],
};
const COUNT = 2_000;

/** A short name for what a message exercises, to check that a run covers every kind. */
function kindOf(message: FuzzMessage): string {
  switch (message.kind) {
    case 'viewer':
      return `viewer ${message.event === 'replay:control' || message.event === 'replay:resume' ? message.event : 'unknown event'}${message.ack ? '' : ' without ack'}`;
    case 'presenter':
      return `presenter ${controlPayloadSchema.safeParse(message.payload).success ? 'valid' : 'invalid'}`;
    case 'handshake':
      return `handshake ${message.expected}`;
    case 'frame':
      return 'frame';
    default:
      throw new Error('unknown message kind');
  }
}

describe('the protocol fuzz messages', () => {
  it('are the same for the same seed and differ for another', () => {
    // As JSON (deep nesting is too deep for a recursive comparison; own `__proto__` keys are kept).
    const asJson = (seed: number) => fuzzMessages(seed, COUNT, FACTS).map((m) => JSON.stringify(m));
    const first = asJson(42);
    expect(asJson(42)).toEqual(first);
    const other = asJson(43);
    expect(first.filter((m, i) => m !== other[i]).length).toBeGreaterThan(COUNT / 2);
  });

  it('cover every kind of message and every handshake outcome in a run of 10,000', () => {
    const kinds = new Set(fuzzMessages(7, 10_000, FACTS).map(kindOf));
    expect([...kinds].sort()).toEqual([
      'frame',
      'handshake closed',
      'handshake connected',
      'handshake forbidden',
      'handshake invalid_handshake',
      'handshake not_found',
      'handshake protocol_mismatch',
      'presenter invalid',
      'presenter valid',
      'viewer replay:control',
      'viewer replay:control without ack',
      'viewer replay:resume',
      'viewer replay:resume without ack',
      'viewer unknown event',
      'viewer unknown event without ack',
    ]);
  });

  it('fit in a frame, and a report prints each of them in under 2,000 characters', () => {
    for (const message of fuzzMessages(11, COUNT, FACTS)) {
      const args = message.kind === 'viewer' ? message.args : message.kind === 'presenter' ? [message.payload] : [message];
      expect(JSON.stringify(args).length).toBeLessThan(60_000);
      expect(describeMessage(message).length).toBeLessThan(2_000);
    }
  });
});
