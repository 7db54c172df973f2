import { describe, expect, it } from 'vitest';
import { summarizeTrials, trialTimes, type Arrival } from '@/bench/cluster/failoverSummary';
import { TAKEOVER_MESSAGE, takeoverOf } from '@/bench/cluster/takeoverLog';

const KILLED_AT_MS = 10_000;
const arrive = (seq: number, atMs: number): Arrival => ({ seq, atMs });

describe('trialTimes', () => {
  it.each([
    {
      name: 'the first arrival after the takeover line, seq above the last seen',
      takeover: 12_900,
      arrivals: [arrive(40, 9_990), arrive(40, 9_995), arrive(41, 12_950), arrive(42, 12_951)],
      expected: { takeoverMs: 2_900, firstReleaseMs: 2_950, inFlightFromOldOwner: 0 },
    },
    {
      name: 'the dead owner’s message in flight at the kill is not the new owner’s',
      takeover: 12_900,
      arrivals: [arrive(40, 9_990), arrive(41, 10_004), arrive(41, 10_006), arrive(42, 12_920)],
      expected: { takeoverMs: 2_900, firstReleaseMs: 2_920, inFlightFromOldOwner: 1 },
    },
    {
      name: 'an old seq repeated after the takeover does not count',
      takeover: 12_900,
      arrivals: [arrive(40, 12_910), arrive(41, 12_990)],
      expected: { takeoverMs: 2_900, firstReleaseMs: 2_990, inFlightFromOldOwner: 0 },
    },
    {
      name: 'a takeover with no release yet',
      takeover: 12_900,
      arrivals: [arrive(40, 9_990)],
      expected: { takeoverMs: 2_900, firstReleaseMs: null, inFlightFromOldOwner: 0 },
    },
    {
      name: 'no takeover: no figures, whatever arrived',
      takeover: undefined,
      arrivals: [arrive(41, 10_003)],
      expected: { takeoverMs: null, firstReleaseMs: null, inFlightFromOldOwner: 1 },
    },
  ])('$name', ({ takeover, arrivals, expected }) => {
    expect(trialTimes({ killedAtMs: KILLED_AT_MS, lastSeqBeforeKill: 40, takeoverLoggedAtMs: takeover, arrivals })).toEqual(expected);
  });

  it('takes the earliest qualifying arrival whatever the order of the list', () => {
    const arrivals = [arrive(43, 13_100), arrive(41, 12_930), arrive(42, 13_000)];
    expect(trialTimes({ killedAtMs: KILLED_AT_MS, lastSeqBeforeKill: 40, takeoverLoggedAtMs: 12_900, arrivals }).firstReleaseMs).toBe(2_930);
  });
});

describe('summarizeTrials', () => {
  it.each([
    { values: [3_000, 2_900, 3_100, 2_950, 3_050], expected: { measured: 5, missing: 0, minMs: 2_900, medianMs: 3_000, maxMs: 3_100 } },
    { values: [3_000, null, 2_000], expected: { measured: 2, missing: 1, minMs: 2_000, medianMs: 2_000, maxMs: 3_000 } },
    { values: [null, null], expected: { measured: 0, missing: 2, minMs: null, medianMs: null, maxMs: null } },
    { values: [], expected: { measured: 0, missing: 0, minMs: null, medianMs: null, maxMs: null } },
  ])('$values', ({ values, expected }) => {
    expect(summarizeTrials(values)).toEqual(expected);
  });
});

describe('takeoverOf', () => {
  const line = (fields: Record<string, unknown>) => JSON.stringify({ level: 'info', time: '2026-12-06T06:43:11.123Z', pid: 1, ...fields });

  it.each([
    { name: 'a continued room', input: line({ roomId: 'r1', token: 7, continued: true, msg: TAKEOVER_MESSAGE }), expected: { roomId: 'r1', atMs: Date.UTC(2026, 11, 6, 6, 43, 11, 123), continued: true } },
    { name: 'a new room', input: line({ roomId: 'r2', token: 1, continued: false, msg: TAKEOVER_MESSAGE }), expected: { roomId: 'r2', atMs: Date.UTC(2026, 11, 6, 6, 43, 11, 123), continued: false } },
    { name: 'the node that stopped running it', input: line({ roomId: 'r1', msg: 'This node stopped running the room’s clock' }), expected: undefined },
    { name: 'the message quoted in another entry', input: line({ roomId: 'r1', msg: `not: ${TAKEOVER_MESSAGE}` }), expected: undefined },
    { name: 'no room id', input: line({ msg: TAKEOVER_MESSAGE }), expected: undefined },
    { name: 'not JSON', input: `${TAKEOVER_MESSAGE} r1`, expected: undefined },
    { name: 'a time that is not a date', input: JSON.stringify({ time: 'soon', roomId: 'r1', msg: TAKEOVER_MESSAGE }), expected: undefined },
  ])('$name', ({ input, expected }) => {
    expect(takeoverOf(input)).toEqual(expected);
  });
});
