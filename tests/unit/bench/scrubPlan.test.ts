import { describe, expect, it } from 'vitest';
import { buildSchedule } from '@/lib/replay/schedule';
import { finalPositionAfterSeek, scrubTargetsMs } from '@/bench/scrub/scrubPlan';
import { makeEvent, point } from '../replay/fixtures';

const schedule = buildSchedule([
  makeEvent('a', point('2025-04-07', 'day')),
  makeEvent('b', point('2025-04-08', 'day')),
  makeEvent('c', point('2025-04-10', 'day')),
]);
const anchor = (i: number) => schedule.anchorsMs[i] as number;

describe('scrubTargetsMs', () => {
  it.each([
    { startMs: 0, endMs: 1_000, count: 3, expected: [250, 500, 750] },
    { startMs: 100, endMs: 200, count: 1, expected: [150] },
    { startMs: 0, endMs: 10, count: 3, expected: [3, 5, 8] },
  ])('$count seeks from $startMs to $endMs', ({ startMs, endMs, count, expected }) => {
    expect(scrubTargetsMs(startMs, endMs, count)).toEqual(expected);
  });

  it('keeps every target distinct and strictly inside the story', () => {
    const targets = scrubTargetsMs(1_000, 1_000 + 27 * 1_000, 27);
    expect(new Set(targets).size).toBe(27);
    expect(Math.min(...targets)).toBeGreaterThan(1_000);
    expect(Math.max(...targets)).toBeLessThan(28_000);
  });

  it('refuses a story too short for distinct seeks', () => {
    expect(() => scrubTargetsMs(0, 3, 3)).toThrow(/distinct seeks/);
  });
});

describe('finalPositionAfterSeek', () => {
  it.each([
    { name: 'just before the second event', toMs: () => anchor(1) - 1, released: 1 },
    { name: 'on the second event', toMs: () => anchor(1), released: 2 },
    { name: 'after the last event', toMs: () => anchor(2) + 1, released: 3 },
  ])('$name', ({ toMs, released }) => {
    expect(finalPositionAfterSeek(schedule, toMs())).toEqual({ positionMs: toMs(), released });
  });
});
