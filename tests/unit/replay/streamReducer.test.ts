import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import type { ReplayClock } from '@/lib/replay/playbackMachine';
import type { ReplayMessage } from '@/lib/replay/replayMessages';
import { applyReplayMessage, applySnapshot, stateFromSnapshot, type ApplyResult, type SnapshotBody, type StreamState } from '@/lib/replay/streamReducer';
import { A, DAY_PER_10S, STORY } from './fixtures';

const [E0, E1, E2, E3] = STORY.slice(0, 4) as [StoryEvent, StoryEvent, StoryEvent, StoryEvent];

const CLOCK: ReplayClock = {
  status: 'playing',
  positionMs: A.clash,
  wallMs: 1_000,
  storySecondsPerSecond: DAY_PER_10S,
  maxGapWallMs: 60_000,
  loop: false,
  startMs: A.covenant,
  endMs: A.end,
};
const P0 = INITIAL_PRESENTATION;
const SHOWN = { ...P0, eventId: 'e1', chart: 'reported-deaths' as const, momentId: 'm1' };
const PAUSED: ReplayClock = { ...CLOCK, status: 'paused', wallMs: 2_000 };
const BACK: ReplayClock = { ...PAUSED, positionMs: A.covenant };

/** State as of seq 5: two events released, playing. */
const STATE: StreamState = { seq: 5, clock: CLOCK, released: 2, gap: false, presentation: P0, change: 'event' };

type Case = [name: string, state: StreamState | undefined, message: ReplayMessage, status: ApplyResult['status'], expected: StreamState | undefined | 'same'];

const CASES: Case[] = [
  // releases
  ['the next event releases one more', STATE, { kind: 'event', seq: 6, event: E2 }, 'applied', { ...STATE, seq: 6, released: 3, change: 'event' }],
  ['an event already seen is a duplicate', STATE, { kind: 'event', seq: 5, event: E1 }, 'duplicate', 'same'],
  ['an older event is a duplicate', STATE, { kind: 'event', seq: 2, event: E0 }, 'duplicate', 'same'],
  ['an event after a missing seq is a gap', STATE, { kind: 'event', seq: 7, event: E3 }, 'gap', 'same'],
  ['an event before any snapshot is a gap', undefined, { kind: 'event', seq: 1, event: E0 }, 'gap', undefined],
  // clocks
  ['the next clock replaces the clock, keeping what is released', STATE, { kind: 'clock', seq: 6, clock: PAUSED }, 'applied', { ...STATE, seq: 6, clock: PAUSED, change: 'clock' }],
  ['a clock already seen is a duplicate', STATE, { kind: 'clock', seq: 5, clock: PAUSED }, 'duplicate', 'same'],
  ['a clock after a missing seq is a gap', STATE, { kind: 'clock', seq: 8, clock: PAUSED }, 'gap', 'same'],
  ['a clock before any snapshot is a gap', undefined, { kind: 'clock', seq: 1, clock: PAUSED }, 'gap', undefined],
  // jumps
  ['a jump back sets the clock and fewer released', STATE, { kind: 'jump', seq: 6, clock: BACK, released: 1 }, 'applied', { ...STATE, seq: 6, clock: BACK, released: 1, change: 'jump' }],
  ['a jump forward sets the clock and more released', STATE, { kind: 'jump', seq: 6, clock: PAUSED, released: 7 }, 'applied', { ...STATE, seq: 6, clock: PAUSED, released: 7, change: 'jump' }],
  ['a jump to where the state stands still moves seq and names the change', STATE, { kind: 'jump', seq: 6, clock: CLOCK, released: 2 }, 'applied', { ...STATE, seq: 6, change: 'jump' }],
  ['a jump already seen is a duplicate', STATE, { kind: 'jump', seq: 4, clock: BACK, released: 0 }, 'duplicate', 'same'],
  ['a jump after a missing seq is a gap', STATE, { kind: 'jump', seq: 9, clock: BACK, released: 0 }, 'gap', 'same'],
  // presentations
  ['the next presentation replaces it', STATE, { kind: 'presentation', seq: 6, presentation: SHOWN }, 'applied', { ...STATE, seq: 6, presentation: SHOWN, change: 'presentation' }],
  ['a presentation after a missing seq is a gap', STATE, { kind: 'presentation', seq: 8, presentation: SHOWN }, 'gap', 'same'],
];

describe('applyReplayMessage', () => {
  it.each(CASES)('%s', (_name, state, message, status, expected) => {
    const before = structuredClone(state);
    const result = applyReplayMessage(state, message);
    expect(result.status).toBe(status);
    if (expected === 'same') expect(result.state).toBe(state);
    else expect(result.state).toEqual(expected);
    expect(state).toEqual(before); // the previous state is never mutated
  });

  it('folds a numbered sequence, each message in turn', () => {
    const messages: ReplayMessage[] = [
      { kind: 'event', seq: 6, event: E2 },
      { kind: 'clock', seq: 7, clock: PAUSED },
      { kind: 'jump', seq: 8, clock: BACK, released: 1 },
      { kind: 'event', seq: 9, event: E1 },
      { kind: 'presentation', seq: 10, presentation: SHOWN },
    ];
    let state: StreamState | undefined = STATE;
    const statuses: string[] = [];
    for (const m of messages) {
      const r = applyReplayMessage(state, m);
      statuses.push(r.status);
      state = r.state;
    }
    expect(statuses).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(state).toEqual({ seq: 10, clock: BACK, released: 2, gap: false, presentation: SHOWN, change: 'presentation' });
  });
});

describe('applySnapshot', () => {
  type SnapshotCase = [name: string, state: StreamState | undefined, snapshot: SnapshotBody, status: ApplyResult['status'], expected: StreamState | 'same'];
  it.each<SnapshotCase>([
    ['a snapshot with no state starts the state', undefined, { seq: 3, clock: CLOCK, released: 1, presentation: P0 }, 'applied', { seq: 3, clock: CLOCK, released: 1, gap: false, presentation: P0, change: 'snapshot' }],
    ['a newer snapshot replaces the state (skipped seqs do not matter)', STATE, { seq: 9, clock: PAUSED, released: 4, presentation: SHOWN }, 'applied', { seq: 9, clock: PAUSED, released: 4, gap: false, presentation: SHOWN, change: 'snapshot' }],
    ['a snapshot at the same seq replaces the state', STATE, { seq: 5, clock: PAUSED, released: 1, presentation: P0 }, 'applied', { seq: 5, clock: PAUSED, released: 1, gap: false, presentation: P0, change: 'snapshot' }],
    ['an older snapshot is a duplicate', STATE, { seq: 4, clock: PAUSED, released: 0, presentation: P0 }, 'duplicate', 'same'],
    ['a resync snapshot marks the gap', STATE, { seq: 40, clock: CLOCK, released: 1, presentation: P0, gap: true }, 'applied', { seq: 40, clock: CLOCK, released: 1, gap: true, presentation: P0, change: 'snapshot' }],
  ])('%s', (_name, state, snapshot, status, expected) => {
    const result = applySnapshot(state, snapshot);
    expect(result.status).toBe(status);
    if (expected === 'same') expect(result.state).toBe(state);
    else expect(result.state).toEqual(expected);
  });

  it('keeps the gap mark through the messages that follow a resync snapshot, until the next plain snapshot', () => {
    let state = applySnapshot(undefined, { seq: 10, clock: CLOCK, released: 1, presentation: P0, gap: true }).state;
    state = applyReplayMessage(state, { kind: 'event', seq: 11, event: E1 }).state;
    state = applyReplayMessage(state, { kind: 'jump', seq: 12, clock: PAUSED, released: 3 }).state;
    expect(state).toEqual({ seq: 12, clock: PAUSED, released: 3, gap: true, presentation: P0, change: 'jump' });
    state = applySnapshot(state, { seq: 13, clock: CLOCK, released: 1, presentation: P0 }).state;
    expect(state?.gap).toBe(false);
  });
});

describe('stateFromSnapshot', () => {
  it.each<[boolean | undefined, boolean]>([
    [undefined, false],
    [false, false],
    [true, true],
  ])('gap %s -> %s, the initial presentation when none is given', (gap, expected) => {
    const state = stateFromSnapshot({ seq: 7, clock: CLOCK, released: 1, ...(gap !== undefined && { gap }) });
    expect(state).toEqual({ seq: 7, clock: CLOCK, released: 1, gap: expected, presentation: P0, change: 'snapshot' });
  });
});
