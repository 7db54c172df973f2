import { describe, expect, it } from 'vitest';
import type { StoryEvent } from '@/lib/events/schema';
import type { ReplayCommand, ReplayErrorCode } from '@/lib/replay/playbackMachine';
import type { ReplaySettings } from '@/lib/replay/replayPlayer';
import { MAX_STORY_SECONDS_PER_SECOND } from '@/lib/replay/rates';
import { wallOffsetOf } from '@/lib/replay/timeMap';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import {
  A,
  DAY_PER_10S,
  IDS,
  STORY,
  WALL,
  WALL0,
  describeEmission,
  endOnly,
  makeEvent,
  point,
  startReplay,
  utc,
  type Harness,
} from './fixtures';

// ---------------------------------------------------------------------------------------------------------------
// A tiny script runner: move the ManualClock, send commands, and read back what the player emitted.
// ---------------------------------------------------------------------------------------------------------------

type Step =
  | { at: number }
  | { cmd: ReplayCommand; expect?: 'unchanged' | ReplayErrorCode }
  | { dispose: true };

/** Checked after every step: at most one timer, and exactly one while something is due. */
function checkTimers(h: Harness): void {
  const { status, loop } = h.player.clockState;
  const expected = status === 'playing' || (status === 'ended' && loop) ? 1 : 0;
  expect(h.clock.pendingTimers()).toBe(expected);
}

function run(settings: Partial<ReplaySettings>, steps: Step[], events: readonly StoryEvent[] = STORY): { h: Harness; transcript: string[] } {
  const h = startReplay(settings, events);
  let disposed = false;
  checkTimers(h);
  for (const step of steps) {
    if ('at' in step) {
      h.advanceTo(step.at);
    } else if ('dispose' in step) {
      h.player.dispose();
      disposed = true;
    } else {
      const emittedBefore = h.emissions.length;
      const result = h.player.command(step.cmd);
      if (step.expect === undefined) {
        expect(result).toEqual({ ok: true, changed: true });
        expect(h.emissions.length).toBe(emittedBefore + 1);
      } else if (step.expect === 'unchanged') {
        expect(result).toEqual({ ok: true, changed: false });
        expect(h.emissions.length).toBe(emittedBefore);
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe(step.expect);
        expect(h.emissions.length).toBe(emittedBefore);
      }
    }
    if (disposed) expect(h.clock.pendingTimers()).toBe(0);
    else checkTimers(h);
  }
  return { h, transcript: h.emissions.map(describeEmission) };
}

const cmd = (command: ReplayCommand, expectation?: 'unchanged' | ReplayErrorCode): Step =>
  expectation === undefined ? { cmd: command } : { cmd: command, expect: expectation };
const PLAY: ReplayCommand = { type: 'play' };
const PAUSE: ReplayCommand = { type: 'pause' };
const NEXT: ReplayCommand = { type: 'step', direction: 'next' };
const PREVIOUS: ReplayCommand = { type: 'step', direction: 'previous' };
const seek = (toMs: number): ReplayCommand => ({ type: 'seek', toMs });
const rate = (storySecondsPerSecond: number): ReplayCommand => ({ type: 'rate', storySecondsPerSecond });

const ALL = IDS.join(',');
const UP_TO_AID = IDS.slice(0, 7).join(',');
const END_ISO = '2025-04-21T00:00:00.000Z';
const START_ISO = '2021-01-01T00:00:00.000Z';

type Scenario = [name: string, settings: Partial<ReplaySettings>, steps: Step[], transcript: string[]];

const SCENARIOS: Scenario[] = [
  [
    'autoplay runs to the end: one event message per event at its release instant, then "ended"',
    {},
    [{ at: 300_000 }],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+90000 #4 event envoy-visit',
      '+130000 #5 event talks-open',
      '+130000 #6 event strike-wave',
      '+160000 #7 event aid-claim',
      '+170000 #8 event final-statement',
      `+200000 #9 clock ended 8640/s @${END_ISO}`,
    ],
  ],
  [
    'without autoplay the replay waits at the first event until play',
    { autoplay: false },
    [{ at: 1_000_000 }, cmd(PLAY), { at: 1_070_000 }],
    [`+1000000 #2 clock playing 8640/s @${START_ISO}`, '+1060000 #3 event border-clash', '+1070000 #4 event ceasefire-call'],
  ],
  [
    'pause holds the playhead; play resumes from it',
    {},
    [{ at: 65_000 }, cmd(PAUSE), { at: 100_000 }, cmd(PLAY), { at: 170_000 }],
    [
      '+60000 #2 event border-clash',
      '+65000 #3 clock paused 8640/s @2025-04-07T12:00:00.000Z',
      '+100000 #4 clock playing 8640/s @2025-04-07T12:00:00.000Z',
      '+105000 #5 event ceasefire-call',
      '+125000 #6 event envoy-visit',
      '+165000 #7 event talks-open',
      '+165000 #8 event strike-wave',
    ],
  ],
  [
    'pause at the very instant of a release pauses on that event',
    {},
    [{ at: 70_000 }, cmd(PAUSE), { at: 80_000 }, cmd(PLAY), { at: 100_000 }],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+70000 #4 clock paused 8640/s @2025-04-08T00:00:00.000Z',
      '+80000 #5 clock playing 8640/s @2025-04-08T00:00:00.000Z',
      '+100000 #6 event envoy-visit',
    ],
  ],
  [
    'play while playing and pause while paused change nothing',
    {},
    [{ at: 10_000 }, cmd(PLAY, 'unchanged'), cmd(PAUSE), cmd(PAUSE, 'unchanged'), { at: 20_000 }, cmd(PAUSE, 'unchanged'), cmd(PLAY), { at: 70_000 }],
    [
      '+10000 #2 clock paused 8640/s @2021-09-17T12:00:00.000Z',
      '+20000 #3 clock playing 8640/s @2021-09-17T12:00:00.000Z',
      '+70000 #4 event border-clash',
    ],
  ],
  [
    'a rate change while playing keeps the position and then moves at the new rate (1 day per second)',
    {},
    [{ at: 65_000 }, cmd(rate(86_400)), { at: 100_000 }],
    [
      '+60000 #2 event border-clash',
      '+65000 #3 clock playing 86400/s @2025-04-07T12:00:00.000Z',
      '+65500 #4 event ceasefire-call',
      '+67500 #5 event envoy-visit',
      '+71500 #6 event talks-open',
      '+71500 #7 event strike-wave',
      '+74500 #8 event aid-claim',
      '+75500 #9 event final-statement',
      `+78500 #10 clock ended 86400/s @${END_ISO}`,
    ],
  ],
  [
    'two rate changes in a row: each keeps the position reached at the previous rate',
    {},
    [{ at: 65_000 }, cmd(rate(86_400)), { at: 65_250 }, cmd(rate(DAY_PER_10S)), { at: 70_000 }],
    [
      '+60000 #2 event border-clash',
      '+65000 #3 clock playing 86400/s @2025-04-07T12:00:00.000Z',
      '+65250 #4 clock playing 8640/s @2025-04-07T18:00:00.000Z',
      '+67750 #5 event ceasefire-call',
    ],
  ],
  [
    'a rate change while paused is announced and applies on play (the 4-year gap is still capped at 60 s)',
    { autoplay: false },
    [{ at: 5_000 }, cmd(rate(86_400)), { at: 100_000 }, cmd(PLAY), { at: 161_000 }],
    [
      `+5000 #2 clock paused 86400/s @${START_ISO}`,
      `+100000 #3 clock playing 86400/s @${START_ISO}`,
      '+160000 #4 event border-clash',
      '+161000 #5 event ceasefire-call',
    ],
  ],
  [
    'the same rate again changes nothing; an out-of-range rate is refused and changes nothing',
    {},
    [{ at: 65_000 }, cmd(rate(DAY_PER_10S), 'unchanged'), cmd(rate(0), 'out_of_range'), cmd(rate(MAX_STORY_SECONDS_PER_SECOND + 1), 'out_of_range'), { at: 70_000 }],
    ['+60000 #2 event border-clash', '+70000 #3 event ceasefire-call'],
  ],
  [
    'seek forward while playing: a snapshot, then play on from the target',
    {},
    [{ at: 65_000 }, cmd(seek(A.aid)), { at: 200_000 }],
    [
      '+60000 #2 event border-clash',
      `+65000 #3 jump playing 8640/s @2025-04-17T00:00:00.000Z [${UP_TO_AID}]`,
      '+75000 #4 event final-statement',
      `+105000 #5 clock ended 8640/s @${END_ISO}`,
    ],
  ],
  [
    'seek back while playing: a snapshot without the later events, which are released again',
    {},
    [{ at: 175_000 }, cmd(seek(A.ceasefire)), { at: 240_000 }],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+90000 #4 event envoy-visit',
      '+130000 #5 event talks-open',
      '+130000 #6 event strike-wave',
      '+160000 #7 event aid-claim',
      '+170000 #8 event final-statement',
      '+175000 #9 jump playing 8640/s @2025-04-08T00:00:00.000Z [covenant-signed,border-clash,ceasefire-call]',
      '+195000 #10 event envoy-visit',
      '+235000 #11 event talks-open',
      '+235000 #12 event strike-wave',
    ],
  ],
  [
    'seek while paused stays paused, forward and back',
    { autoplay: false },
    [cmd(seek(A.talks)), { at: 500_000 }, cmd(seek(utc(2023, 6, 1))), { at: 600_000 }],
    [
      '+0 #2 jump paused 8640/s @2025-04-14T00:00:00.000Z [covenant-signed,border-clash,ceasefire-call,envoy-visit,talks-open,strike-wave]',
      '+500000 #3 jump paused 8640/s @2023-06-01T00:00:00.000Z [covenant-signed]',
    ],
  ],
  [
    'seek between two events releases only the earlier ones',
    { autoplay: false },
    [cmd(seek(A.talks - 1))],
    ['+0 #2 jump paused 8640/s @2025-04-13T23:59:59.999Z [covenant-signed,border-clash,ceasefire-call,envoy-visit]'],
  ],
  [
    'seek outside the story is refused and the replay goes on untouched',
    {},
    [{ at: 65_000 }, cmd(seek(A.end + 1), 'out_of_range'), cmd(seek(A.covenant - 1), 'out_of_range'), cmd(seek(Number.NaN), 'out_of_range'), { at: 70_000 }],
    ['+60000 #2 event border-clash', '+70000 #3 event ceasefire-call'],
  ],
  [
    'seek to the end while playing: a snapshot with every event, then "ended" at once',
    {},
    [{ at: 65_000 }, cmd(seek(A.end)), { at: 65_000 }, { at: 900_000 }],
    [
      '+60000 #2 event border-clash',
      `+65000 #3 jump playing 8640/s @${END_ISO} [${ALL}]`,
      `+65000 #4 clock ended 8640/s @${END_ISO}`,
    ],
  ],
  [
    'step while playing jumps to the next event and plays on',
    {},
    [{ at: 65_000 }, cmd(NEXT), { at: 85_000 }],
    [
      '+60000 #2 event border-clash',
      '+65000 #3 jump playing 8640/s @2025-04-08T00:00:00.000Z [covenant-signed,border-clash,ceasefire-call]',
      '+85000 #4 event envoy-visit',
    ],
  ],
  [
    'at the end (not looping) the replay stops: no timer, nothing more',
    {},
    [{ at: 200_000 }, { at: 10_000_000 }, cmd(PAUSE, 'unchanged')],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+90000 #4 event envoy-visit',
      '+130000 #5 event talks-open',
      '+130000 #6 event strike-wave',
      '+160000 #7 event aid-claim',
      '+170000 #8 event final-statement',
      `+200000 #9 clock ended 8640/s @${END_ISO}`,
    ],
  ],
  [
    'play when ended restarts from the first event with a snapshot',
    {},
    [{ at: 250_000 }, cmd(PLAY), { at: 310_000 }],
    [
      ...[
        '+60000 #2 event border-clash',
        '+70000 #3 event ceasefire-call',
        '+90000 #4 event envoy-visit',
        '+130000 #5 event talks-open',
        '+130000 #6 event strike-wave',
        '+160000 #7 event aid-claim',
        '+170000 #8 event final-statement',
      ],
      `+200000 #9 clock ended 8640/s @${END_ISO}`,
      `+250000 #10 jump playing 8640/s @${START_ISO} [covenant-signed]`,
      '+310000 #11 event border-clash',
    ],
  ],
  [
    'loop: ended, hold for loopHoldWallMs, then a snapshot restart, and around again',
    { loop: true, loopHoldWallMs: 5_000 },
    [{ at: 204_999 }, { at: 205_000 }, { at: 410_000 }],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+90000 #4 event envoy-visit',
      '+130000 #5 event talks-open',
      '+130000 #6 event strike-wave',
      '+160000 #7 event aid-claim',
      '+170000 #8 event final-statement',
      `+200000 #9 clock ended 8640/s @${END_ISO}`,
      `+205000 #10 jump playing 8640/s @${START_ISO} [covenant-signed]`,
      '+265000 #11 event border-clash',
      '+275000 #12 event ceasefire-call',
      '+295000 #13 event envoy-visit',
      '+335000 #14 event talks-open',
      '+335000 #15 event strike-wave',
      '+365000 #16 event aid-claim',
      '+375000 #17 event final-statement',
      `+405000 #18 clock ended 8640/s @${END_ISO}`,
      `+410000 #19 jump playing 8640/s @${START_ISO} [covenant-signed]`,
    ],
  ],
  [
    'loop: pause during the hold keeps it at the end; play later starts again at once',
    { loop: true, loopHoldWallMs: 5_000 },
    [{ at: 202_000 }, cmd(PAUSE), { at: 1_000_000 }, cmd(PLAY), { at: 1_005_000 }],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+90000 #4 event envoy-visit',
      '+130000 #5 event talks-open',
      '+130000 #6 event strike-wave',
      '+160000 #7 event aid-claim',
      '+170000 #8 event final-statement',
      `+200000 #9 clock ended 8640/s @${END_ISO}`,
      `+202000 #10 clock paused 8640/s @${END_ISO}`,
      `+1000000 #11 jump playing 8640/s @${START_ISO} [covenant-signed]`,
    ],
  ],
  [
    'loop: play during the hold restarts at once and cancels the hold timer',
    { loop: true, loopHoldWallMs: 5_000 },
    [{ at: 202_000 }, cmd(PLAY), { at: 262_000 }],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+90000 #4 event envoy-visit',
      '+130000 #5 event talks-open',
      '+130000 #6 event strike-wave',
      '+160000 #7 event aid-claim',
      '+170000 #8 event final-statement',
      `+200000 #9 clock ended 8640/s @${END_ISO}`,
      `+202000 #10 jump playing 8640/s @${START_ISO} [covenant-signed]`,
      '+262000 #11 event border-clash',
    ],
  ],
  [
    'loop: seek during the hold pauses at the target (no restart)',
    { loop: true, loopHoldWallMs: 5_000 },
    [{ at: 202_000 }, cmd(seek(A.aid)), { at: 900_000 }],
    [
      '+60000 #2 event border-clash',
      '+70000 #3 event ceasefire-call',
      '+90000 #4 event envoy-visit',
      '+130000 #5 event talks-open',
      '+130000 #6 event strike-wave',
      '+160000 #7 event aid-claim',
      '+170000 #8 event final-statement',
      `+200000 #9 clock ended 8640/s @${END_ISO}`,
      `+202000 #10 jump paused 8640/s @2025-04-17T00:00:00.000Z [${UP_TO_AID}]`,
    ],
  ],
  [
    'dispose: no timer and no more emissions, whatever happens next',
    { loop: true },
    [{ at: 65_000 }, { dispose: true }, { at: 900_000 }, cmd(PAUSE, 'unchanged'), cmd(PLAY, 'unchanged'), cmd(seek(A.aid), 'unchanged'), cmd(NEXT, 'unchanged'), cmd(rate(86_400), 'unchanged'), { at: 2_000_000 }],
    ['+60000 #2 event border-clash'],
  ],
];

describe('ReplayPlayer scripts (ManualClock)', () => {
  it.each(SCENARIOS)('%s', (_name, settings, steps, transcript) => {
    const { h, transcript: actual } = run(settings, steps);
    expect(actual).toEqual(transcript);
    // The log numbered the initial jump 1 and every emission after it, one by one.
    expect(h.messages().map((m) => m.seq)).toEqual(Array.from({ length: transcript.length + 1 }, (_, i) => i + 1));
  });
});

describe('stepping through the story (paused)', () => {
  // [name, where the playhead stands, direction, the target (or the error), events released at the target]
  it.each<[string, number, 'next' | 'previous', number | 'no_event', number]>([
    ['next from the first event', A.covenant, 'next', A.clash, 2],
    ['previous at the first event', A.covenant, 'previous', 'no_event', 1],
    ['next from the quiet gap', utc(2023, 6, 1), 'next', A.clash, 2],
    ['previous from the quiet gap', utc(2023, 6, 1), 'previous', 'no_event', 1],
    ['previous at the second event goes to the first', A.clash, 'previous', A.covenant, 1],
    ['next to the tie on 14 April releases both events', A.envoy, 'next', A.talks, 6],
    ['next past the tie', A.talks, 'next', A.aid, 7],
    ['previous from the tie', A.talks, 'previous', A.envoy, 4],
    ['next from the second-last event', A.aid, 'next', A.final, 8],
    ['next at the last event', A.final, 'next', 'no_event', 8],
    ['previous at the last event', A.final, 'previous', A.aid, 7],
    ['next at the end', A.end, 'next', 'no_event', 8],
    ['previous at the end', A.end, 'previous', A.aid, 7],
  ])('%s', (_name, from, direction, target, released) => {
    const h = startReplay({ autoplay: false });
    if (from !== A.covenant) expect(h.player.command(seek(from))).toEqual({ ok: true, changed: true });
    h.take();
    const result = h.player.command({ type: 'step', direction });
    const emitted = h.take();
    if (target === 'no_event') {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('no_event');
      expect(emitted).toEqual([]);
      expect(h.player.snapshot().clock.positionMs).toBe(from);
      expect(h.player.snapshot().released).toBe(released);
      return;
    }
    expect(result).toEqual({ ok: true, changed: true });
    expect(emitted).toHaveLength(1);
    const message = emitted[0]?.message;
    expect(message?.kind).toBe('jump');
    if (message?.kind !== 'jump') return;
    expect(message.clock.status).toBe('paused');
    expect(message.clock.positionMs).toBe(target);
    expect(message.released).toBe(released);
    expect(emitted[0]?.releasedIds).toEqual(IDS.slice(0, released));
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('steps next from the first to the last event and back, one anchor at a time', () => {
    const h = startReplay({ autoplay: false });
    const forward: number[] = [];
    while (h.player.command(NEXT).ok) forward.push(h.player.clockState.positionMs);
    expect(forward).toEqual([A.clash, A.ceasefire, A.envoy, A.talks, A.aid, A.final]);
    const back: number[] = [];
    while (h.player.command(PREVIOUS).ok) back.push(h.player.clockState.positionMs);
    expect(back).toEqual([A.aid, A.talks, A.envoy, A.ceasefire, A.clash, A.covenant]);
  });
});

describe('release exactness: each event is emitted at the wall instant the time map predicts', () => {
  const released = (h: Harness) => h.emissions.filter((e) => e.message.kind === 'event');

  // Rates and caps at which every release falls on a whole millisecond: exact offsets.
  it.each<[string, Partial<ReplaySettings>, number[], number]>([
    ['1 day per 10 s, 60 s cap', {}, [WALL.clash, WALL.ceasefire, WALL.envoy, WALL.talks, WALL.talks, WALL.aid, WALL.final], WALL.end],
    ['1 day per second, 60 s cap', { storySecondsPerSecond: 86_400 }, [60_000, 61_000, 63_000, 67_000, 67_000, 70_000, 71_000], 74_000],
    ['1 hour per second, 30 s cap', { storySecondsPerSecond: 3_600, maxGapWallMs: 30_000 }, [30_000, 54_000, 84_000, 114_000, 114_000, 144_000, 168_000], 198_000],
    ['1 day per 10 s, 5 s cap: every segment capped', { maxGapWallMs: 5_000 }, [5_000, 10_000, 15_000, 20_000, 20_000, 25_000, 30_000], 35_000],
  ])('%s', (_name, settings, offsets, endOffset) => {
    const h = startReplay(settings);
    h.advanceTo(10_000_000);
    expect(released(h).map((e) => e.atMs - WALL0)).toEqual(offsets);
    const ended = h.emissions.at(-1);
    expect(ended?.message.kind).toBe('clock');
    expect(ended && ended.atMs - WALL0).toBe(endOffset);
    // At each release the playhead stands exactly on the event's anchor.
    expect(released(h).map((e) => e.positionMs)).toEqual(h.schedule.anchorsMs.slice(1));
  });

  // Rates at which releases fall between milliseconds: the timer fires at the first whole millisecond at or after.
  it.each<[string, number, number]>([
    ['1 year per second', MAX_STORY_SECONDS_PER_SECOND, 60_000],
    ['1 week per second', 604_800, 60_000],
    ['7× real time, 1 s cap', 7, 1_000],
    ['1 week per 10 s, 3 s cap', 60_480, 3_000],
  ])('%s', (_name, storySecondsPerSecond, maxGapWallMs) => {
    const h = startReplay({ storySecondsPerSecond, maxGapWallMs });
    h.advanceTo(100_000_000);
    const rate = { storySecondsPerSecond, maxGapWallMs };
    const predicted = h.schedule.anchorsMs.slice(1).map((anchor) => Math.ceil(wallOffsetOf(h.schedule, rate, anchor)));
    expect(released(h).map((e) => e.atMs - WALL0)).toEqual(predicted);
    expect(h.emissions.at(-1)?.atMs).toBe(WALL0 + Math.ceil(wallOffsetOf(h.schedule, rate, h.schedule.endMs)));
  });

  it('after a rate change in the middle of the compressed gap, releases follow the new rate from the position reached', () => {
    const h = startReplay({});
    h.advanceTo(30_000);
    expect(h.player.command(rate(MAX_STORY_SECONDS_PER_SECOND))).toEqual({ ok: true, changed: true });
    const halfway = A.covenant + (A.clash - A.covenant) / 2;
    expect(h.player.clockState.positionMs).toBe(halfway);
    h.advanceTo(1_000_000);
    const yps = { storySecondsPerSecond: MAX_STORY_SECONDS_PER_SECOND, maxGapWallMs: 60_000 };
    const from = wallOffsetOf(h.schedule, yps, halfway);
    const expected = h.schedule.anchorsMs.slice(1).map((anchor) => 30_000 + Math.ceil(wallOffsetOf(h.schedule, yps, anchor) - from));
    expect(released(h).map((e) => e.atMs - WALL0)).toEqual(expected);
    // Half of the 4-year gap at a year per second: 2132.88 ms, so 7 April falls at +32133.
    expect(expected[0]).toBe(32_133);
  });
});

describe('imprecise events keep their precision and are released at their anchor', () => {
  // A story where the week and the end-only range stand alone (no ties).
  const IMPRECISE: StoryEvent[] = [
    makeEvent('day-event', point('2025-04-07', 'day')),
    makeEvent('week-event', point('2025-04-14', 'week')),
    makeEvent('undated-event', endOnly('2025-04-25')),
  ];

  it.each<[string, readonly StoryEvent[], string, number, number]>([
    ['a week event at the Monday that starts its week (7 quiet days: capped at 60 s)', IMPRECISE, 'week-event', utc(2025, 4, 14), 60_000],
    ['an end-only range at the start of its end day', IMPRECISE, 'undated-event', utc(2025, 4, 25), 120_000],
    ['the week event of the test story (tied with a day event)', STORY, 'strike-wave', A.talks, WALL.talks],
    ['the end-only range of the test story', STORY, 'aid-claim', A.aid, WALL.aid],
    ['the year event of the test story (released at the start)', STORY, 'covenant-signed', A.covenant, 0],
  ])('%s', (_name, events, id, anchorMs, wallOffset) => {
    const h = startReplay({}, events);
    const original = events.find((e) => e.id === id);
    h.advanceTo(10_000_000);
    const emitted = h.emissions.find((e) => e.message.kind === 'event' && e.message.event.id === id);
    if (wallOffset === 0) {
      // Released by the initial jump, never by an event message.
      expect(emitted).toBeUndefined();
      const first = h.messages()[0];
      expect(first?.kind === 'jump' && first.released).toBe(1);
      expect(h.schedule.events[0]).toEqual(original);
      expect(first?.kind === 'jump' && first.clock.positionMs).toBe(anchorMs);
      return;
    }
    expect(emitted?.atMs).toBe(WALL0 + wallOffset);
    expect(emitted?.positionMs).toBe(anchorMs);
    // The event goes out as written: same time object, same precision.
    expect(emitted?.message.kind === 'event' && emitted.message.event).toEqual(original);
  });

  it('the week event goes out with precision "week" and the end-only range with its end bound only', () => {
    const h = startReplay({}, IMPRECISE);
    h.advanceTo(10_000_000);
    const times = h.emissions.flatMap((e) => (e.message.kind === 'event' ? [e.message.event.time] : []));
    expect(times).toEqual([
      { kind: 'point', date: '2025-04-14', precision: 'week', asWritten: 'as written' },
      { kind: 'range', end: { date: '2025-04-25', precision: 'day' }, asWritten: 'by then' },
    ]);
    // The story ends with the end-only range's end day (26 April), 10 s after its release.
    expect(h.schedule.endMs).toBe(utc(2025, 4, 26));
    expect(h.emissions.at(-1)?.atMs).toBe(WALL0 + 130_000);
  });
});

describe('snapshot()', () => {
  it.each<[number, 'playing' | 'ended', number, number]>([
    [0, 'playing', A.covenant, 1],
    [30_000, 'playing', A.covenant + (A.clash - A.covenant) / 2, 1],
    [60_000, 'playing', A.clash, 2],
    [65_000, 'playing', utc(2025, 4, 7, 12), 2],
    [130_000, 'playing', A.talks, 6],
    [199_999, 'playing', A.end - DAY_PER_10S, 8],
    [200_000, 'ended', A.end, 8],
    [1_000_000, 'ended', A.end, 8],
  ])('at +%d ms: %s at story %d, %d released', (offset, status, position, count) => {
    const h = startReplay({});
    h.advanceTo(offset);
    const before = h.emissions.length;
    const snapshot = h.player.snapshot();
    expect(h.emissions.length).toBe(before); // the timers already released everything due
    expect(snapshot.clock.status).toBe(status);
    expect(h.player.position()).toBe(position);
    expect(snapshot.released).toBe(count);
    if (status === 'ended') expect(snapshot.clock.positionMs).toBe(A.end);
  });
});

describe('releases do not depend on the magnitude of the wall clock', () => {
  // Wall times are epoch milliseconds (~1.9e12), where a double resolves only ~0.0002 ms: the wait before a release
  // must be computed relative to the clock's own wall instant, or an event due a fraction of a millisecond later is
  // released at once, ahead of the playhead.
  it.each<[string, number, number]>([
    ['1 ms of story before the tie on 14 April, wall clock at 0', 0, A.talks - 1],
    ['1 ms of story before the tie on 14 April, wall clock at 2030', WALL0, A.talks - 1],
    ['1 ms of story before 8 April, wall clock at 2030', WALL0, A.ceasefire - 1],
    ['100 ms of story before 7 April inside the compressed gap, wall clock at 2030', WALL0, A.clash - 100],
    ['1 ms of story before the end, wall clock at 2030', WALL0, A.end - 1],
  ])('%s', (_name, wall0, toMs) => {
    const h = startReplay({}, STORY, { wall0 });
    h.clock.advanceTo(wall0 + 1_000);
    expect(h.player.command(seek(toMs))).toEqual({ ok: true, changed: true });
    h.take();
    const released = h.schedule.anchorsMs.filter((a) => a <= toMs).length;
    // At the seek instant: nothing beyond the target is released, whatever the wall clock reads.
    h.clock.advance(0);
    const snapshot = h.player.snapshot();
    expect(h.take()).toEqual([]);
    expect(snapshot.released).toBe(released);
    expect(snapshot.clock.status).toBe('playing');
    // The next release (or the end) comes 1 ms later: the first whole millisecond after it falls due.
    h.clock.advance(1);
    const next = h.take();
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((e) => e.atMs === wall0 + 1_001)).toBe(true);
    expect(next[0]?.positionMs).toBeGreaterThanOrEqual(h.schedule.anchorsMs[released] ?? A.end);
  });
});

describe('presentation', () => {
  it('emits a presentation message when it changes, nothing when it does not; snapshots carry it, jumps do not', () => {
    const h = startReplay({ autoplay: false });
    h.take();
    const shown = { ...INITIAL_PRESENTATION, eventId: 'talks-open', chart: 'activity-by-actor' as const };
    expect(h.player.present(shown)).toEqual({ ok: true, changed: true });
    expect(h.player.present({ ...shown, filter: { types: [], actors: [] } })).toEqual({ ok: true, changed: false });
    expect(h.take().map(describeEmission)).toEqual(['+0 #2 presentation activity-by-actor event=talks-open moment=-']);
    expect(h.player.snapshot().presentation).toEqual(shown);
    expect(h.player.command({ type: 'seek', toMs: A.clash })).toEqual({ ok: true, changed: true });
    const [seek] = h.take();
    expect(seek?.message).toEqual({ kind: 'jump', seq: 3, clock: h.player.clockState, released: 2 });
    expect(h.player.snapshot().presentation).toEqual(shown);
  });
});
