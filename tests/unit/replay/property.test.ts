import { describe, expect, it } from 'vitest';
import { eventSpan } from '@/lib/events/eventSpan';
import type { ReplayCommand } from '@/lib/replay/playbackMachine';
import type { ReplaySettings } from '@/lib/replay/replayPlayer';
import { MAX_STORY_SECONDS_PER_SECOND, RATE_PRESETS } from '@/lib/replay/rates';
import { releasedCountAt } from '@/lib/replay/schedule';
import { wallBetween } from '@/lib/replay/timeMap';
import { timeOf } from '@/lib/replay/streamReducer';
import { DAY_MS, WALL0, fold, mulberry32, startReplay, type Harness } from './fixtures';

type Action = { advance: number } | { command: ReplayCommand };

/** A random action: mostly time passing, with every command kind (and some invalid ones). */
function randomAction(random: () => number, h: Harness): Action {
  const { startMs, endMs, anchorsMs } = h.schedule;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const r = random();
  if (r < 0.4) return { advance: pick([0, 1, 999, Math.floor(random() * 20_000), Math.floor(random() * 150_000)]) };
  if (r < 0.5) return { command: { type: 'play' } };
  if (r < 0.58) return { command: { type: 'pause' } };
  if (r < 0.72) {
    const toMs = pick([
      startMs + Math.floor(random() * (endMs - startMs + 1)),
      pick(anchorsMs),
      pick(anchorsMs) - 1,
      startMs,
      endMs,
      startMs - 1 - Math.floor(random() * DAY_MS), // refused
      endMs + 1 + Math.floor(random() * DAY_MS), // refused
    ]);
    return { command: { type: 'seek', toMs } };
  }
  if (r < 0.84) {
    const storySecondsPerSecond = pick([
      ...RATE_PRESETS.map((p) => p.storySecondsPerSecond),
      1 + Math.floor(random() * 1_000_000),
      0.5, // refused
      MAX_STORY_SECONDS_PER_SECOND + 1, // refused
    ]);
    return { command: { type: 'rate', storySecondsPerSecond } };
  }
  return { command: { type: 'step', direction: random() < 0.5 ? 'next' : 'previous' } };
}

function checkInvariants(h: Harness, step: number, emittedBefore: number): void {
  const where = `step ${step}`;
  const { schedule, player, clock } = h;
  const state = player.clockState;

  // Timers: exactly one while something is due (a release, the end, or a loop restart), none otherwise.
  const expectedTimers = state.status === 'playing' || (state.status === 'ended' && state.loop) ? 1 : 0;
  expect(clock.pendingTimers(), where).toBe(expectedTimers);

  // snapshot() only reads: with the timers run, nothing is left to release.
  const emitted = h.emissions.length;
  const snapshot = player.snapshot();
  expect(h.emissions.length, where).toBe(emitted);

  // The playhead stays inside the story; ended means at the end.
  const position = player.position();
  expect(position, where).toBeGreaterThanOrEqual(schedule.startMs);
  expect(position, where).toBeLessThanOrEqual(schedule.endMs);
  if (state.status === 'ended') expect(state.positionMs, where).toBe(schedule.endMs);
  if (state.status !== 'playing') expect(position, where).toBe(state.positionMs);

  // Released events are exactly those anchored at or before the playhead.
  const expectedIds = schedule.events.filter((e) => eventSpan(e).anchorMs <= position).map((e) => e.id);
  if (state.status !== 'playing') {
    expect(schedule.events.slice(0, snapshot.released).map((e) => e.id), where).toEqual(expectedIds);
  } else {
    expect(player.releasedCount, where).toBe(releasedCountAt(schedule, position));
  }

  // The fold of every message equals the snapshot; seqs are contiguous from 1.
  const messages = h.messages();
  expect(messages.map((m) => m.seq), where).toEqual(Array.from({ length: messages.length }, (_, i) => i + 1));
  expect(timeOf(fold(messages)), where).toEqual({ seq: h.log.lastSeq, clock: snapshot.clock, released: snapshot.released, gap: false, presentation: snapshot.presentation });

  // Every event released in this step went out on time: not before the playhead reached its anchor,
  // and within the millisecond after the instant its clock predicts.
  for (const e of h.emissions.slice(emittedBefore)) {
    if (e.message.kind !== 'event') continue;
    const anchor = eventSpan(e.message.event).anchorMs;
    expect(e.positionMs, where).toBeGreaterThanOrEqual(anchor);
    const dueOffset = e.clock.wallMs - WALL0 + wallBetween(schedule, e.clock, e.clock.positionMs, anchor);
    const emittedOffset = e.atMs - WALL0;
    expect(emittedOffset, where).toBeGreaterThanOrEqual(dueOffset - 1e-6);
    expect(emittedOffset, where).toBeLessThan(dueOffset + 1);
  }
}

const SEEDS = [1, 2, 3, 42, 2025, 0xdecaf];
const SETTINGS: [string, Partial<ReplaySettings>][] = [
  ['not looping, autoplay', {}],
  ['looping, 5 s hold', { loop: true, loopHoldWallMs: 5_000 }],
  ['not looping, paused at start, 1 day per second, 2 s cap', { autoplay: false, storySecondsPerSecond: 86_400, maxGapWallMs: 2_000 }],
];

describe('seeded random command sequences keep the replay invariants', () => {
  const cases = SETTINGS.flatMap(([name, settings]) => SEEDS.map((seed) => [name, seed, settings] as const));

  it.each(cases)('%s, seed %d', (_name, seed, settings) => {
    const random = mulberry32(seed);
    const h = startReplay(settings);
    const kinds = new Set<string>();
    checkInvariants(h, 0, 0);
    for (let step = 1; step <= 250; step++) {
      const action = randomAction(random, h);
      const emittedBefore = h.emissions.length;
      if ('advance' in action) {
        h.clock.advance(action.advance);
        kinds.add('advance');
      } else {
        const result = h.player.command(action.command);
        kinds.add(`${action.command.type}:${result.ok ? (result.changed ? 'changed' : 'unchanged') : result.error.code}`);
        if (!result.ok || !result.changed) expect(h.emissions.length).toBe(emittedBefore);
        else expect(h.emissions.length).toBe(emittedBefore + 1);
        h.clock.advance(0); // timers due now (e.g. the end after a seek to it) run before anything else
      }
      checkInvariants(h, step, emittedBefore);
    }
    // The sequence exercised every command, accepted and refused.
    for (const kind of ['advance', 'play:changed', 'pause:changed', 'seek:changed', 'seek:out_of_range', 'rate:changed', 'rate:out_of_range', 'step:changed']) {
      expect([...kinds]).toContain(kind);
    }
  });

  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1_000 }, () => a());
    expect(Array.from({ length: 1_000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1_000);
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});
