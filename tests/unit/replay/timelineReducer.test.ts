import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import type { ReplayClock } from '@/lib/replay/replayClock';
import type { ReplayMessage } from '@/lib/replay/replayMessages';
import { applyReplayMessage, stateFromSnapshot, type ApplyResult, type TimelineState } from '@/lib/replay/timelineReducer';
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
const PAUSED: ReplayClock = { ...CLOCK, status: 'paused', wallMs: 2_000 };

/** State as of seq 5: two events released, playing. */
const STATE: TimelineState = { seq: 5, clock: CLOCK, events: [E0, E1], gap: false, presentation: P0 };

type Message = ReplayMessage & { gap?: boolean };
type Case = [name: string, state: TimelineState | undefined, message: Message, status: ApplyResult['status'], expected: TimelineState | undefined | 'same'];

const CASES: Case[] = [
  // snapshots
  ['a snapshot with no state starts the state', undefined, { kind: 'snapshot', seq: 3, clock: CLOCK, events: [E0], presentation: P0 }, 'applied', { seq: 3, clock: CLOCK, events: [E0], gap: false, presentation: P0 }],
  ['a newer snapshot replaces the state (skipped seqs do not matter)', STATE, { kind: 'snapshot', seq: 9, clock: PAUSED, events: [E0, E1, E2, E3], presentation: P0 }, 'applied', { seq: 9, clock: PAUSED, events: [E0, E1, E2, E3], gap: false, presentation: P0 }],
  ['the next snapshot replaces the state, dropping events (a seek back)', STATE, { kind: 'snapshot', seq: 6, clock: PAUSED, events: [E0], presentation: P0 }, 'applied', { seq: 6, clock: PAUSED, events: [E0], gap: false, presentation: P0 }],
  ['a snapshot at the same seq replaces the state', STATE, { kind: 'snapshot', seq: 5, clock: PAUSED, events: [E0], presentation: P0 }, 'applied', { seq: 5, clock: PAUSED, events: [E0], gap: false, presentation: P0 }],
  ['an older snapshot is a duplicate', STATE, { kind: 'snapshot', seq: 4, clock: PAUSED, events: [], presentation: P0 }, 'duplicate', 'same'],
  ['a resync snapshot marks the gap', STATE, { kind: 'snapshot', seq: 40, clock: CLOCK, events: [E0], presentation: P0, gap: true }, 'applied', { seq: 40, clock: CLOCK, events: [E0], gap: true, presentation: P0 }],
  // events
  ['the next event is appended', STATE, { kind: 'event', seq: 6, event: E2 }, 'applied', { seq: 6, clock: CLOCK, events: [E0, E1, E2], gap: false, presentation: P0 }],
  ['an event already seen is a duplicate', STATE, { kind: 'event', seq: 5, event: E1 }, 'duplicate', 'same'],
  ['an older event is a duplicate', STATE, { kind: 'event', seq: 2, event: E0 }, 'duplicate', 'same'],
  ['an event after a missing seq is a gap', STATE, { kind: 'event', seq: 7, event: E3 }, 'gap', 'same'],
  ['an event before any snapshot is a gap', undefined, { kind: 'event', seq: 1, event: E0 }, 'gap', undefined],
  // clocks
  ['the next clock replaces the clock, keeping the events', STATE, { kind: 'clock', seq: 6, clock: PAUSED }, 'applied', { seq: 6, clock: PAUSED, events: [E0, E1], gap: false, presentation: P0 }],
  ['a clock already seen is a duplicate', STATE, { kind: 'clock', seq: 5, clock: PAUSED }, 'duplicate', 'same'],
  ['a clock after a missing seq is a gap', STATE, { kind: 'clock', seq: 8, clock: PAUSED }, 'gap', 'same'],
  ['a clock before any snapshot is a gap', undefined, { kind: 'clock', seq: 1, clock: PAUSED }, 'gap', undefined],
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

  it('keeps the gap mark through the messages that follow a resync snapshot, until the next plain snapshot', () => {
    let state = applyReplayMessage(undefined, { kind: 'snapshot', seq: 10, clock: CLOCK, events: [E0], presentation: P0, gap: true }).state;
    state = applyReplayMessage(state, { kind: 'event', seq: 11, event: E1 }).state;
    state = applyReplayMessage(state, { kind: 'clock', seq: 12, clock: PAUSED }).state;
    expect(state).toEqual({ seq: 12, clock: PAUSED, events: [E0, E1], gap: true, presentation: P0 });
    state = applyReplayMessage(state, { kind: 'snapshot', seq: 13, clock: CLOCK, events: [E0], presentation: P0 }).state;
    expect(state?.gap).toBe(false);
  });

  it('folding a numbered sequence applies every message in turn', () => {
    const messages: ReplayMessage[] = [
      { kind: 'snapshot', seq: 1, clock: CLOCK, events: [E0], presentation: P0 },
      { kind: 'event', seq: 2, event: E1 },
      { kind: 'clock', seq: 3, clock: PAUSED },
      { kind: 'snapshot', seq: 4, clock: CLOCK, events: [E0, E1, E2], presentation: P0 },
      { kind: 'event', seq: 5, event: E3 },
    ];
    let state: TimelineState | undefined;
    const statuses: string[] = [];
    for (const m of messages) {
      const r = applyReplayMessage(state, m);
      statuses.push(r.status);
      state = r.state;
    }
    expect(statuses).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    expect(state).toEqual({ seq: 5, clock: CLOCK, events: [E0, E1, E2, E3], gap: false, presentation: P0 });
  });
});

describe('stateFromSnapshot', () => {
  it.each<[boolean | undefined, boolean]>([
    [undefined, false],
    [false, false],
    [true, true],
  ])('gap %s -> %s', (gap, expected) => {
    const state = stateFromSnapshot({ seq: 7, clock: CLOCK, events: [E0], ...(gap !== undefined && { gap }) });
    expect(state).toEqual({ seq: 7, clock: CLOCK, events: [E0], gap: expected, presentation: P0 });
  });
});

describe('presentation messages', () => {
  const SHOWN = { ...P0, eventId: 'e1', chart: 'reported-deaths' as const, momentId: 'm1' };
  it('apply when they are next, and a snapshot carries the presentation', () => {
    const applied = applyReplayMessage(STATE, { kind: 'presentation', seq: 6, presentation: SHOWN });
    expect(applied).toEqual({ status: 'applied', state: { ...STATE, seq: 6, presentation: SHOWN } });
    expect(applyReplayMessage(STATE, { kind: 'presentation', seq: 8, presentation: SHOWN }).status).toBe('gap');
    const snap = applyReplayMessage(undefined, { kind: 'snapshot', seq: 2, clock: CLOCK, events: [], presentation: SHOWN });
    expect(snap.state?.presentation).toEqual(SHOWN);
  });
});
