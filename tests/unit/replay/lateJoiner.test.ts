import { describe, expect, it } from 'vitest';
import type { ReplayCommand } from '@/lib/replay/playbackMachine';
import type { ReplaySettings } from '@/lib/replay/replayPlayer';
import { applyReplayMessage, stateFromSnapshot, timeOf, type StreamState } from '@/lib/replay/streamReducer';
import { A, DAY_PER_10S, IDS, fold, startReplay, utc, type Harness } from './fixtures';

type Script = [offsetMs: number, command: ReplayCommand][];

const SCRIPTS: [name: string, settings: Partial<ReplaySettings>, script: Script, untilMs: number][] = [
  ['plain autoplay to the end', {}, [], 260_000],
  ['looping twice round', { loop: true, loopHoldWallMs: 7_500 }, [], 430_000],
  [
    'pause, rate, seek back, step, play, seek forward',
    {},
    [
      [65_000, { type: 'pause' }],
      [80_000, { type: 'rate', storySecondsPerSecond: 86_400 }],
      [90_000, { type: 'play' }],
      [95_000, { type: 'seek', toMs: A.clash }],
      [97_500, { type: 'step', direction: 'next' }],
      [120_000, { type: 'rate', storySecondsPerSecond: DAY_PER_10S }],
      [150_000, { type: 'seek', toMs: utc(2025, 4, 16, 6) }],
    ],
    300_000,
  ],
  [
    'looping with commands during the hold',
    { loop: true, loopHoldWallMs: 5_000 },
    [
      [202_000, { type: 'pause' }],
      [220_000, { type: 'play' }],
      [300_000, { type: 'step', direction: 'previous' }],
      [310_000, { type: 'play' }],
    ],
    420_000,
  ],
];

/** Runs the script, calling `check` every `everyMs` of wall time (and right after each command). */
function replay(h: Harness, script: Script, untilMs: number, everyMs: number, check: (h: Harness) => void): void {
  const commands = [...script];
  for (let t = 0; t <= untilMs; t += everyMs) {
    while (commands.length > 0 && (commands[0]?.[0] ?? Infinity) <= t) {
      const [at, command] = commands.shift() as [number, ReplayCommand];
      h.advanceTo(at);
      expect(h.player.command(command).ok).toBe(true);
      check(h);
    }
    h.advanceTo(t);
    check(h);
  }
}

describe('a late joiner: the snapshot at any wall time equals the fold of every message from the start', () => {
  it.each(SCRIPTS)('%s', (_name, settings, script, untilMs) => {
    const h = startReplay(settings);
    let checks = 0;
    replay(h, script, untilMs, 1_250, () => {
      h.clock.advance(0); // let timers due now run, as the event loop would before the next request
      const emittedBefore = h.emissions.length;
      const snapshot = h.player.snapshot();
      expect(h.emissions.length).toBe(emittedBefore);
      const folded = fold(h.messages());
      expect(timeOf(folded)).toEqual({ seq: h.log.lastSeq, clock: snapshot.clock, released: snapshot.released, gap: false, presentation: snapshot.presentation });
      checks++;
    });
    expect(checks).toBeGreaterThan(untilMs / 1_250);
  });
});

describe('a late joiner: snapshot at join time, then the messages after it', () => {
  it.each([
    [0, 300_000],
    [59_999, 61_000],
    [60_000, 260_000],
    [130_000, 130_000],
    [131_000, 199_999],
    [170_000, 250_000],
  ])('joins at +%d ms and catches up at +%d ms', (joinMs, resumeMs) => {
    const h = startReplay({ loop: true, loopHoldWallMs: 5_000 });
    h.advanceTo(joinMs);
    // The room's join: the current snapshot, numbered as of the log's last seq.
    const snapshot = h.player.snapshot();
    let state: StreamState = stateFromSnapshot({ seq: h.log.lastSeq, ...snapshot });
    h.advanceTo(resumeMs);
    const resumed = h.log.since(state.seq, h.clock.now());
    if (resumed.kind !== 'messages') throw new Error('unexpected gap');
    for (const message of resumed.messages) {
      const result = applyReplayMessage(state, message);
      expect(result.status).toBe('applied');
      if (result.state) state = result.state;
    }
    const now = h.player.snapshot();
    expect(timeOf(state)).toEqual({ seq: h.log.lastSeq, clock: now.clock, released: now.released, gap: false, presentation: now.presentation });
  });

  it('a client away longer than the retention gets a gap, then resyncs from a snapshot', () => {
    const h = startReplay({}, undefined, { retentionWallMs: 120_000 });
    h.advanceTo(60_000); // border-clash released: seq 2
    const seenSeq = h.log.lastSeq;
    expect(seenSeq).toBe(2);
    h.advanceTo(195_000); // messages 3..8 sent at 70 s..170 s; message 3 (70 s) dropped after 190 s
    expect(h.log.since(seenSeq, h.clock.now())).toEqual({ kind: 'gap' });
    const snapshot = h.player.snapshot();
    const state = stateFromSnapshot({ seq: h.log.lastSeq, ...snapshot, gap: true });
    expect(state.seq).toBe(8);
    expect(state.released).toBe(IDS.length);
    expect(state.gap).toBe(true);
    // From there, the next message (the end, at 200 s) applies in order.
    h.advanceTo(200_000);
    const resumed = h.log.since(state.seq, h.clock.now());
    if (resumed.kind !== 'messages') throw new Error('unexpected gap');
    expect(resumed.messages.map((m) => m.seq)).toEqual([9]);
    const next = applyReplayMessage(state, resumed.messages[0] as (typeof resumed.messages)[number]);
    expect(next.status).toBe('applied');
    expect(next.state).toEqual({ seq: 9, clock: h.player.snapshot().clock, released: snapshot.released, gap: true, presentation: snapshot.presentation, change: 'clock' });
  });
});

describe('a seek gives the same released events and the same future as a fresh player seeked to the same time', () => {
  /** What a player emits over the next `forMs` of wall time, relative to now. */
  const future = (h: Harness, forMs: number): string[] => {
    h.take();
    const from = h.clock.now();
    h.advanceTo(h.elapsed() + forMs);
    return h.take().map((e) => {
      const m = e.message;
      const what =
        m.kind === 'event'
          ? m.event.id
          : m.kind === 'clock'
            ? `${m.clock.status}@${m.clock.positionMs}`
            : m.kind === 'jump'
              ? `jump@${m.clock.positionMs} released ${m.released}`
              : `presentation ${m.presentation.chart}`;
      return `+${e.atMs - from} ${what}`;
    });
  };

  it.each<[string, Partial<ReplaySettings>, number, number]>([
    ['back from the end of the story to 8 April', {}, 199_000, A.ceasefire],
    ['back to the start', {}, 175_000, A.covenant],
    ['back into the quiet gap', {}, 100_000, utc(2023, 6, 1)],
    ['back to just before the tie on 14 April', {}, 190_000, A.talks - 1],
    ['back to the tie on 14 April', {}, 190_000, A.talks],
    ['back after a loop restart', { loop: true }, 290_000, utc(2025, 4, 9, 12)],
    ['back at 1 day per second', { storySecondsPerSecond: 86_400 }, 73_000, utc(2025, 4, 8, 6)],
    ['forward (for comparison)', {}, 10_000, A.aid],
  ])('%s', (_name, settings, seekAtMs, toMs) => {
    const played = startReplay(settings);
    played.advanceTo(seekAtMs);
    expect(played.player.command({ type: 'seek', toMs })).toEqual({ ok: true, changed: true });

    const fresh = startReplay(settings);
    expect(fresh.player.command({ type: 'seek', toMs })).toEqual({ ok: true, changed: true });

    const a = played.player.snapshot();
    const b = fresh.player.snapshot();
    expect(a.released).toBe(b.released);
    expect(a.released).toBe(played.schedule.anchorsMs.filter((anchorMs) => anchorMs <= toMs).length);
    expect(a.clock).toEqual({ ...b.clock, wallMs: a.clock.wallMs });
    expect(future(played, 450_000)).toEqual(future(fresh, 450_000));
  });
});
