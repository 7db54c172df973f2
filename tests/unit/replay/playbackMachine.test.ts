import { describe, expect, it } from 'vitest';
import { applyCommand, playheadAt, type ReplayClock, type ReplayCommand, type ReplayErrorCode } from '@/lib/replay/playbackMachine';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND } from '@/lib/replay/rates';
import { buildSchedule } from '@/lib/replay/schedule';
import { A, DAY_PER_10S, MAX_GAP_WALL_MS, STORY, utc } from './fixtures';

const schedule = buildSchedule(STORY);
const NOW = 1_000_000;
const BASE: ReplayClock = {
  status: 'paused',
  positionMs: A.envoy,
  wallMs: 500,
  storySecondsPerSecond: DAY_PER_10S,
  maxGapWallMs: MAX_GAP_WALL_MS,
  loop: false,
  startMs: A.covenant,
  endMs: A.end,
};
const clockWith = (over: Partial<ReplayClock>): ReplayClock => ({ ...BASE, ...over });

type Ok = { change: 'none' | 'clock' | 'seek'; clock: Partial<ReplayClock> };
type Case = [name: string, from: Partial<ReplayClock>, command: ReplayCommand, position: number, expected: Ok | ReplayErrorCode];

const playing = { status: 'playing' } as const;
const ended = { status: 'ended', positionMs: A.end } as const;
const midGap = utc(2023, 6, 1);
const noon7 = utc(2025, 4, 7, 12);

const CASES: Case[] = [
  // play
  ['play from paused starts at the position', {}, { type: 'play' }, A.envoy, { change: 'clock', clock: { status: 'playing', positionMs: A.envoy, wallMs: NOW } }],
  ['play while playing changes nothing', playing, { type: 'play' }, noon7, { change: 'none', clock: {} }],
  ['play when ended restarts from the start', ended, { type: 'play' }, A.end, { change: 'seek', clock: { status: 'playing', positionMs: A.covenant, wallMs: NOW } }],
  ['play when ended and looping restarts from the start', { ...ended, loop: true }, { type: 'play' }, A.end, { change: 'seek', clock: { status: 'playing', positionMs: A.covenant, wallMs: NOW, loop: true } }],
  // pause
  ['pause while playing holds the playhead', playing, { type: 'pause' }, noon7, { change: 'clock', clock: { status: 'paused', positionMs: noon7, wallMs: NOW } }],
  ['pause while paused changes nothing', {}, { type: 'pause' }, A.envoy, { change: 'none', clock: {} }],
  ['pause when ended (not looping) changes nothing', ended, { type: 'pause' }, A.end, { change: 'none', clock: { ...ended } }],
  ['pause when ended and looping holds it at the end', { ...ended, loop: true }, { type: 'pause' }, A.end, { change: 'clock', clock: { status: 'paused', positionMs: A.end, wallMs: NOW, loop: true } }],
  // seek
  ['seek forward while paused', {}, { type: 'seek', toMs: A.aid }, A.envoy, { change: 'seek', clock: { status: 'paused', positionMs: A.aid, wallMs: NOW } }],
  ['seek back while playing keeps playing', playing, { type: 'seek', toMs: A.clash }, noon7, { change: 'seek', clock: { status: 'playing', positionMs: A.clash, wallMs: NOW } }],
  ['seek to the start', {}, { type: 'seek', toMs: A.covenant }, A.envoy, { change: 'seek', clock: { positionMs: A.covenant, wallMs: NOW } }],
  ['seek to the end while paused', {}, { type: 'seek', toMs: A.end }, A.envoy, { change: 'seek', clock: { status: 'paused', positionMs: A.end, wallMs: NOW } }],
  ['seek when ended pauses at the target', ended, { type: 'seek', toMs: midGap }, A.end, { change: 'seek', clock: { status: 'paused', positionMs: midGap, wallMs: NOW } }],
  ['seek 1 ms before the start', {}, { type: 'seek', toMs: A.covenant - 1 }, A.envoy, 'out_of_range'],
  ['seek 1 ms after the end', {}, { type: 'seek', toMs: A.end + 1 }, A.envoy, 'out_of_range'],
  ['seek to NaN', {}, { type: 'seek', toMs: Number.NaN }, A.envoy, 'out_of_range'],
  ['seek to +Infinity', {}, { type: 'seek', toMs: Number.POSITIVE_INFINITY }, A.envoy, 'out_of_range'],
  ['seek to -Infinity', {}, { type: 'seek', toMs: Number.NEGATIVE_INFINITY }, A.envoy, 'out_of_range'],
  // rate
  ['rate while playing re-anchors at the position', playing, { type: 'rate', storySecondsPerSecond: 86_400 }, noon7, { change: 'clock', clock: { status: 'playing', storySecondsPerSecond: 86_400, positionMs: noon7, wallMs: NOW } }],
  ['rate while paused', {}, { type: 'rate', storySecondsPerSecond: 3_600 }, A.envoy, { change: 'clock', clock: { status: 'paused', storySecondsPerSecond: 3_600, positionMs: A.envoy, wallMs: NOW } }],
  ['the same rate changes nothing', playing, { type: 'rate', storySecondsPerSecond: DAY_PER_10S }, noon7, { change: 'none', clock: {} }],
  ['the minimum rate (real time)', {}, { type: 'rate', storySecondsPerSecond: MIN_STORY_SECONDS_PER_SECOND }, A.envoy, { change: 'clock', clock: { storySecondsPerSecond: 1, wallMs: NOW } }],
  ['the maximum rate (a year per second)', {}, { type: 'rate', storySecondsPerSecond: MAX_STORY_SECONDS_PER_SECOND }, A.envoy, { change: 'clock', clock: { storySecondsPerSecond: 31_536_000, wallMs: NOW } }],
  ['rate just under 1', {}, { type: 'rate', storySecondsPerSecond: 0.999 }, A.envoy, 'out_of_range'],
  ['rate 0', {}, { type: 'rate', storySecondsPerSecond: 0 }, A.envoy, 'out_of_range'],
  ['rate -1', {}, { type: 'rate', storySecondsPerSecond: -1 }, A.envoy, 'out_of_range'],
  ['rate just over a year per second', {}, { type: 'rate', storySecondsPerSecond: 31_536_001 }, A.envoy, 'out_of_range'],
  ['rate NaN', {}, { type: 'rate', storySecondsPerSecond: Number.NaN }, A.envoy, 'out_of_range'],
  ['rate Infinity', {}, { type: 'rate', storySecondsPerSecond: Number.POSITIVE_INFINITY }, A.envoy, 'out_of_range'],
  // step next
  ['step next from the first event', { positionMs: A.covenant }, { type: 'step', direction: 'next' }, A.covenant, { change: 'seek', clock: { status: 'paused', positionMs: A.clash, wallMs: NOW } }],
  ['step next from the quiet gap', { positionMs: midGap }, { type: 'step', direction: 'next' }, midGap, { change: 'seek', clock: { positionMs: A.clash } }],
  ['step next from 10 April goes to 14 April', {}, { type: 'step', direction: 'next' }, A.envoy, { change: 'seek', clock: { positionMs: A.talks } }],
  ['step next 1 ms before an event goes to that event', { positionMs: A.aid - 1 }, { type: 'step', direction: 'next' }, A.aid - 1, { change: 'seek', clock: { positionMs: A.aid } }],
  ['step next while playing keeps playing', playing, { type: 'step', direction: 'next' }, noon7, { change: 'seek', clock: { status: 'playing', positionMs: A.ceasefire, wallMs: NOW } }],
  ['step next at the last event', { positionMs: A.final }, { type: 'step', direction: 'next' }, A.final, 'no_event'],
  ['step next after the last event', { positionMs: A.final + 1 }, { type: 'step', direction: 'next' }, A.final + 1, 'no_event'],
  ['step next when ended', ended, { type: 'step', direction: 'next' }, A.end, 'no_event'],
  // step previous
  ['step previous at the first event', { positionMs: A.covenant }, { type: 'step', direction: 'previous' }, A.covenant, 'no_event'],
  ['step previous in the quiet gap (only the first event released)', { positionMs: midGap }, { type: 'step', direction: 'previous' }, midGap, 'no_event'],
  ['step previous at 7 April goes to the first event', { positionMs: A.clash }, { type: 'step', direction: 'previous' }, A.clash, { change: 'seek', clock: { positionMs: A.covenant, wallMs: NOW } }],
  ['step previous at noon 7 April: the anchor before the latest released one', { positionMs: noon7 }, { type: 'step', direction: 'previous' }, noon7, { change: 'seek', clock: { positionMs: A.covenant } }],
  ['step previous at 14 April (two events) goes to 10 April', { positionMs: A.talks }, { type: 'step', direction: 'previous' }, A.talks, { change: 'seek', clock: { positionMs: A.envoy } }],
  ['step previous at 17 April goes to 14 April', { positionMs: A.aid }, { type: 'step', direction: 'previous' }, A.aid, { change: 'seek', clock: { positionMs: A.talks } }],
  ['step previous when ended goes before the last event and pauses', ended, { type: 'step', direction: 'previous' }, A.end, { change: 'seek', clock: { status: 'paused', positionMs: A.aid, wallMs: NOW } }],
];

describe('applyCommand', () => {
  it.each(CASES)('%s', (_name, from, command, position, expected) => {
    const clock = clockWith({ ...from, positionMs: from.positionMs ?? (from.status === 'playing' ? noon7 : BASE.positionMs) });
    const before = structuredClone(clock);
    const t = applyCommand(clock, schedule, command, NOW, position);
    expect(clock).toEqual(before); // pure: the input clock is never mutated
    if (typeof expected === 'string') {
      expect(t.ok).toBe(false);
      if (t.ok) return;
      expect(t.error.code).toBe(expected);
      expect(t.error.message.length).toBeGreaterThan(0);
      return;
    }
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.change).toBe(expected.change);
    if (expected.change === 'none') {
      expect(t.clock).toBe(clock);
    } else {
      expect(t.clock).toEqual({ ...clock, wallMs: NOW, ...expected.clock }); // every change re-anchors at the command's wall time
    }
  });

  it('the out-of-range seek message names both bounds', () => {
    const t = applyCommand(BASE, schedule, { type: 'seek', toMs: A.end + 1 }, NOW, A.envoy);
    expect(t).toEqual({
      ok: false,
      error: { code: 'out_of_range', message: 'seek target must be inside the story, from 2021-01-01T00:00:00.000Z to 2025-04-21T00:00:00.000Z' },
    });
  });
});

describe('playheadAt', () => {
  it.each<[string, Partial<ReplayClock>, number, number]>([
    ['paused: the position, whatever the wall time', { positionMs: A.envoy, wallMs: 0 }, 1_000_000, A.envoy],
    ['ended: the end', { status: 'ended', positionMs: A.end, wallMs: 0 }, 1_000_000, A.end],
    ['playing: advances at the rate', { status: 'playing', positionMs: A.envoy, wallMs: 1_000 }, 6_000, utc(2025, 4, 10, 12)],
    ['playing: crosses the compressed gap', { status: 'playing', positionMs: A.covenant, wallMs: 0 }, 65_000, utc(2025, 4, 7, 12)],
    ['playing: at the wall instant of the clock', { status: 'playing', positionMs: noon7, wallMs: 7 }, 7, noon7],
    ['playing: stops at the end', { status: 'playing', positionMs: A.final, wallMs: 0 }, 10_000_000, A.end],
    ['playing at 1 day per second', { status: 'playing', positionMs: A.envoy, wallMs: 0, storySecondsPerSecond: 86_400 }, 500, utc(2025, 4, 10, 12)],
  ])('%s', (_name, over, wallMs, expected) => {
    expect(playheadAt(clockWith(over), schedule, wallMs)).toBe(expected);
  });
});
