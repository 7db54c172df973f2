import { describe, expect, it } from 'vitest';
import { MAX_STORY_SECONDS_PER_SECOND } from '@/lib/replay/rates';
import { buildSchedule } from '@/lib/replay/schedule';
import { advanceStory, storyAtWallOffset, wallBetween, wallOffsetOf, type PlaybackRate } from '@/lib/replay/timeMap';
import { A, DAY_MS, DAY_PER_10S, MAX_GAP_WALL_MS, STORY, WALL, makeEvent, point, utc } from './fixtures';

const schedule = buildSchedule(STORY);
const RATE: PlaybackRate = { storySecondsPerSecond: DAY_PER_10S, maxGapWallMs: MAX_GAP_WALL_MS };
const FOUR_YEAR_GAP_MS = A.clash - A.covenant;

describe('gap compression: wall time of one segment', () => {
  it.each<[string, number, number, PlaybackRate, number]>([
    ['the 2021 → April 2025 gap takes exactly maxGapWallMs', A.covenant, A.clash, RATE, 60_000],
    ['the same gap with a 5 s cap', A.covenant, A.clash, { storySecondsPerSecond: DAY_PER_10S, maxGapWallMs: 5_000 }, 5_000],
    ['the same gap at 1 year per second is under the cap: at the rate', A.covenant, A.clash, { storySecondsPerSecond: MAX_STORY_SECONDS_PER_SECOND, maxGapWallMs: 60_000 }, FOUR_YEAR_GAP_MS / MAX_STORY_SECONDS_PER_SECOND],
    ['a 1-day gap at 1 day per 10 s takes 10 s when the cap is larger', A.clash, A.ceasefire, RATE, 10_000],
    ['a 1-day gap at 1 day per 10 s with a 5 s cap takes 5 s', A.clash, A.ceasefire, { storySecondsPerSecond: DAY_PER_10S, maxGapWallMs: 5_000 }, 5_000],
    ['a 1-day gap with a cap of exactly 10 s takes 10 s', A.clash, A.ceasefire, { storySecondsPerSecond: DAY_PER_10S, maxGapWallMs: 10_000 }, 10_000],
    ['a 2-day gap at 1 day per 10 s', A.ceasefire, A.envoy, RATE, 20_000],
    ['a 4-day gap with a 30 s cap is capped', A.envoy, A.talks, { storySecondsPerSecond: DAY_PER_10S, maxGapWallMs: 30_000 }, 30_000],
    ['a 1-day gap at 1 day per second', A.final, A.final + DAY_MS, { storySecondsPerSecond: 86_400, maxGapWallMs: 60_000 }, 1_000],
    ['a 1-day gap in real time is capped', A.clash, A.ceasefire, { storySecondsPerSecond: 1, maxGapWallMs: 60_000 }, 60_000],
    ['from 14 April to the end: three segments (14→17→18→21), 30 + 10 + 30 s', A.talks, A.end, RATE, 70_000],
  ])('%s', (_name, from, to, rate, wallMs) => {
    expect(wallBetween(schedule, rate, from, to)).toBe(wallMs);
  });
});

describe('wallOffsetOf and storyAtWallOffset at 1 day per 10 s, 60 s cap', () => {
  it.each<[string, number, number]>([
    ['the first event', A.covenant, WALL.covenant],
    ['7 April (after the compressed gap)', A.clash, WALL.clash],
    ['8 April', A.ceasefire, WALL.ceasefire],
    ['10 April', A.envoy, WALL.envoy],
    ['14 April', A.talks, WALL.talks],
    ['17 April', A.aid, WALL.aid],
    ['18 April', A.final, WALL.final],
    ['the end', A.end, WALL.end],
    ['noon on 7 April', utc(2025, 4, 7, 12), 65_000],
    ['06:00 on 11 April', utc(2025, 4, 11, 6), 102_500],
    ['halfway through the quiet gap', A.covenant + FOUR_YEAR_GAP_MS / 2, 30_000],
  ])('%s', (_name, storyMs, wallOffset) => {
    expect(wallOffsetOf(schedule, RATE, storyMs)).toBe(wallOffset);
    expect(storyAtWallOffset(schedule, RATE, wallOffset)).toBe(storyMs);
  });

  it.each<[string, number, number]>([
    ['before the start clamps to the start', A.covenant - DAY_MS, 0],
    ['after the end clamps to the end', A.end + DAY_MS, WALL.end],
  ])('wallOffsetOf: %s', (_name, storyMs, wallOffset) => {
    expect(wallOffsetOf(schedule, RATE, storyMs)).toBe(wallOffset);
  });

  it.each<[string, number, number]>([
    ['a negative offset is the start', -1_000, A.covenant],
    ['a zero offset is the start', 0, A.covenant],
    ['an offset past the end is the end', WALL.end + 1, A.end],
  ])('storyAtWallOffset: %s', (_name, wallOffset, storyMs) => {
    expect(storyAtWallOffset(schedule, RATE, wallOffset)).toBe(storyMs);
  });

  it('the two are inverse across the whole replay (every 250 ms of wall time)', () => {
    for (let w = 0; w <= WALL.end; w += 250) {
      const story = storyAtWallOffset(schedule, RATE, w);
      expect(Math.abs(wallOffsetOf(schedule, RATE, story) - w)).toBeLessThan(1e-6);
    }
  });

  it('story time never goes backwards as wall time grows', () => {
    let previous = -Infinity;
    for (let w = -500; w <= WALL.end + 500; w += 125) {
      const story = storyAtWallOffset(schedule, RATE, w);
      expect(story).toBeGreaterThanOrEqual(previous);
      previous = story;
    }
  });
});

describe('advanceStory', () => {
  it.each<[string, PlaybackRate, number, number, number]>([
    ['noon 7 April + 5 s = 8 April', RATE, utc(2025, 4, 7, 12), 5_000, A.ceasefire],
    ['start + 30 s = halfway through the gap', RATE, A.covenant, 30_000, A.covenant + FOUR_YEAR_GAP_MS / 2],
    ['start + 65 s crosses the compressed gap into 7 April', RATE, A.covenant, 65_000, utc(2025, 4, 7, 12)],
    ['negative elapsed time does not move the playhead', RATE, A.envoy, -5_000, A.envoy],
    ['zero elapsed time does not move the playhead', RATE, A.envoy, 0, A.envoy],
    ['never past the end', RATE, A.final, 10_000_000, A.end],
    ['at 1 day per second: 10 April + 1.5 s', { storySecondsPerSecond: 86_400, maxGapWallMs: 60_000 }, A.envoy, 1_500, utc(2025, 4, 11, 12)],
  ])('%s', (_name, rate, from, elapsed, expected) => {
    expect(advanceStory(schedule, rate, from, elapsed)).toBe(expected);
  });
});

describe('wallBetween', () => {
  it.each<[string, number, number, number]>([
    ['the whole replay', A.covenant, A.end, WALL.end],
    ['backwards is 0', A.end, A.covenant, 0],
    ['same instant is 0', A.envoy, A.envoy, 0],
    ['mid-segment to mid-segment', utc(2025, 4, 7, 12), utc(2025, 4, 11, 6), 102_500 - 65_000],
  ])('%s', (_name, from, to, expected) => {
    expect(wallBetween(schedule, RATE, from, to)).toBe(expected);
  });

  it('a story with a single boundary takes no wall time', () => {
    const single = buildSchedule([makeEvent('instant', point('2025-04-24T22:30Z', 'exact'))]);
    expect(wallOffsetOf(single, RATE, single.startMs)).toBe(0);
    expect(storyAtWallOffset(single, RATE, 1_000)).toBe(single.endMs);
    expect(wallBetween(single, RATE, single.startMs, single.endMs)).toBe(0);
  });
});
