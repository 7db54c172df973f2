import { describe, expect, it } from 'vitest';
import { CHART_IDS } from '@/lib/charts/chartIds';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ReplayCommand } from '@/lib/replay/playbackMachine';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';
import { RATE_PRESETS } from '@/lib/replay/rates';
import type { ReplayMessageBody } from '@/lib/replay/replayMessages';
import { ReplayPlayer, type CommandResult, type ReplaySettings } from '@/lib/replay/replayPlayer';
import { buildSchedule, type Schedule } from '@/lib/replay/schedule';
import { wallBetween } from '@/lib/replay/timeMap';
import { DAY_MS, DEFAULT_SETTINGS, IDS, STORY, WALL0, mulberry32 } from './fixtures';

/**
 * A room's owner dies and another node takes the room over from the last snapshot, after a random gap: what the
 * players said one after the other must be exactly what one player that never stopped said over the same wall time.
 */

type Action = { advance: number } | { command: ReplayCommand } | { present: Presentation };

function randomAction(random: () => number, schedule: Schedule): Action {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const { startMs, endMs, anchorsMs } = schedule;
  const r = random();
  if (r < 0.45) return { advance: pick([0, 1, 999, Math.floor(random() * 3_000), Math.floor(random() * 12_000)]) };
  if (r < 0.55) return { command: { type: 'play' } };
  if (r < 0.62) return { command: { type: 'pause' } };
  if (r < 0.74) {
    const toMs = pick([startMs + Math.floor(random() * (endMs - startMs + 1)), pick(anchorsMs), pick(anchorsMs) - 1, endMs - DAY_MS, endMs, endMs + 1]);
    return { command: { type: 'seek', toMs } };
  }
  if (r < 0.84) {
    const storySecondsPerSecond = pick([...RATE_PRESETS.map((p) => p.storySecondsPerSecond), 1 + Math.floor(random() * 1_000_000), 0.5]);
    return { command: { type: 'rate', storySecondsPerSecond } };
  }
  if (r < 0.92) return { command: { type: 'step', direction: random() < 0.5 ? 'next' : 'previous' } };
  return { present: { ...INITIAL_PRESENTATION, chart: pick(CHART_IDS), eventId: random() < 0.5 ? null : pick(IDS) } };
}

/** A gap of wall time: nothing, a few seconds, or up to just past the end of the story (and a loop's hold). */
function randomGap(random: () => number, schedule: Schedule, witness: ReplayPlayer, clock: ManualClock, holdMs: number): number {
  const state = witness.clockState;
  const toEndMs = state.status === 'playing' ? Math.ceil(wallBetween(schedule, state, state.positionMs, state.endMs) - (clock.now() - state.wallMs)) : 0;
  const r = random();
  if (r < 0.15) return 0;
  if (r < 0.5) return Math.floor(random() * 8_000);
  if (r < 0.65) return Math.max(0, toEndMs);
  return Math.max(0, toEndMs) + Math.floor(random() * (holdMs * 2 + 1_000));
}

const SEEDS = [1, 2, 3, 42, 2025, 0xdecaf, 7, 99];
const HANDOFFS = 6;
const SETTINGS: [string, Partial<ReplaySettings>, string[]][] = [
  ['not looping, 1 day per second, 2 s cap', { storySecondsPerSecond: 86_400, maxGapWallMs: 2_000 }, ['ended in a gap', 'handed over paused', 'handed over ended']],
  ['looping, 1 day per second, 2 s cap, 1.5 s hold', { loop: true, loopHoldWallMs: 1_500, storySecondsPerSecond: 86_400, maxGapWallMs: 2_000 }, ['ended in a gap', 'restarted in a gap', 'handed over ended']],
  ['looping, paused at start, 1 week per second, 0.5 s hold', { loop: true, loopHoldWallMs: 500, autoplay: false, storySecondsPerSecond: 7 * 86_400, maxGapWallMs: 1_000 }, ['ended in a gap', 'restarted in a gap']],
];

interface Run {
  /** What the chain of players (each taking over from the last one's snapshot) emitted, in order. */
  chain: ReplayMessageBody[];
  /** What the one uninterrupted player emitted. */
  witness: ReplayMessageBody[];
  /** What happened around the handoffs, for the coverage check. */
  seen: Set<string>;
}

function runChain(seed: number, overrides: Partial<ReplaySettings>): Run {
  const random = mulberry32(seed);
  const settings: ReplaySettings = { ...DEFAULT_SETTINGS, ...overrides };
  const schedule = buildSchedule(STORY);
  const clock = new ManualClock(WALL0);
  const chain: ReplayMessageBody[] = [];
  const witnessed: ReplayMessageBody[] = [];
  const seen = new Set<string>();
  const witness = new ReplayPlayer(schedule, clock, settings, (body) => witnessed.push(body));
  let owner = new ReplayPlayer(schedule, clock, settings, (body) => chain.push(body));
  const act = (action: Action) => {
    if ('advance' in action) return clock.advance(action.advance);
    const apply = (player: ReplayPlayer): CommandResult => ('present' in action ? player.present(action.present) : player.command(action.command));
    const [ownerResult, witnessResult] = [apply(owner), apply(witness)];
    expect(ownerResult, `seed ${seed}: ${JSON.stringify(action)}`).toEqual(witnessResult);
    clock.advance(0);
  };

  for (let handoff = 0; handoff <= HANDOFFS; handoff++) {
    const steps = 1 + Math.floor(random() * 25);
    for (let step = 0; step < steps; step++) act(randomAction(random, schedule));
    if (handoff === HANDOFFS) break;
    const snapshot = owner.snapshot();
    owner.dispose();
    seen.add(`handed over ${snapshot.clock.status}`);
    const before = witnessed.length;
    clock.advance(randomGap(random, schedule, witness, clock, settings.loopHoldWallMs));
    for (const body of witnessed.slice(before)) {
      if (body.kind === 'clock' && body.clock.status === 'ended') seen.add('ended in a gap');
      if (body.kind === 'jump') seen.add('restarted in a gap');
    }
    const emittedBefore = chain.length;
    owner = new ReplayPlayer(schedule, clock, { ...settings, continueFrom: snapshot }, (body) => chain.push(body));
    expect(chain.length, `seed ${seed}: the new owner emitted at construction`).toBe(emittedBefore);
  }
  // Let both run on to a quiet moment: what is due now is said by both.
  clock.advance(0);
  owner.snapshot();
  return { chain, witness: witnessed, seen };
}

describe('continueFrom: a chain of owners says exactly what one uninterrupted player says', () => {
  it.each(SETTINGS)('%s', (_name, overrides, mustSee) => {
    const seen = new Set<string>();
    for (const seed of SEEDS) {
      const run = runChain(seed, overrides);
      expect(run.chain, `seed ${seed}`).toEqual(run.witness);
      // Not a trivial run: events were released and the replay moved.
      expect(run.witness.filter((b) => b.kind === 'event').length, `seed ${seed}`).toBeGreaterThan(0);
      run.seen.forEach((kind) => seen.add(kind));
    }
    for (const kind of mustSee) expect([...seen]).toContain(kind);
  });

  it('fails when the new owner starts over instead of continuing (the check can fail)', () => {
    const schedule = buildSchedule(STORY);
    const clock = new ManualClock(WALL0);
    const settings: ReplaySettings = { ...DEFAULT_SETTINGS, storySecondsPerSecond: 86_400, maxGapWallMs: 2_000 };
    const chain: ReplayMessageBody[] = [];
    const witnessed: ReplayMessageBody[] = [];
    new ReplayPlayer(schedule, clock, settings, (body) => witnessed.push(body));
    const first = new ReplayPlayer(schedule, clock, settings, (body) => chain.push(body));
    clock.advance(4_000);
    const snapshot = first.snapshot();
    first.dispose();
    clock.advance(1_000);
    // resumeFrom (a restart of a single node) re-anchors the clock at the new owner's now: the gap is lost.
    new ReplayPlayer(schedule, clock, { ...settings, resumeFrom: { positionMs: snapshot.clock.positionMs, presentation: snapshot.presentation } }, (body) => chain.push(body));
    clock.advance(20_000);
    expect(chain).not.toEqual(witnessed);
  });
});
