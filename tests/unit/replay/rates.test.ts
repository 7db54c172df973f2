import { describe, expect, it } from 'vitest';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND, RATE_PRESETS, rateLabel } from '@/lib/replay/rates';

describe('rates', () => {
  it('bounds the rate from real time to a (365-day) year per second', () => {
    expect(MIN_STORY_SECONDS_PER_SECOND).toBe(1);
    expect(MAX_STORY_SECONDS_PER_SECOND).toBe(365 * 86_400);
  });

  it('every preset lies inside the bounds, with a unique id', () => {
    const rates = RATE_PRESETS.map((p) => p.storySecondsPerSecond);
    expect(rates).toEqual([1, 3_600, 8_640, 86_400, 60_480, 604_800, 31_536_000]);
    expect(rates.every((r) => r >= MIN_STORY_SECONDS_PER_SECOND && r <= MAX_STORY_SECONDS_PER_SECOND)).toBe(true);
    expect(new Set(RATE_PRESETS.map((p) => p.id)).size).toBe(RATE_PRESETS.length);
  });

  it.each<[number, string]>([
    [1, 'Real time'],
    [3_600, '1 hour per second'],
    [8_640, '1 day per 10 s'],
    [86_400, '1 day per second'],
    [60_480, '1 week per 10 s'],
    [604_800, '1 week per second'],
    [31_536_000, '1 year per second'],
    [2, '2× real time'],
    [1_234_567, '1,234,567× real time'],
    [10.4, '10× real time'],
  ])('rateLabel(%d) = %s', (rate, label) => {
    expect(rateLabel(rate)).toBe(label);
  });
});
