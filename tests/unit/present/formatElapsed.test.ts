import { describe, expect, it } from 'vitest';
import { formatElapsed } from '@/app/present/formatElapsed';

describe('formatElapsed', () => {
  it.each<[number, string]>([
    [0, '00:00'],
    [999, '00:00'],
    [1_000, '00:01'],
    [59_999, '00:59'],
    [60_000, '01:00'],
    [61_500, '01:01'],
    [9 * 60_000 + 5_000, '09:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [60 * 60_000, '60:00'],
    [75 * 60_000 + 3_000, '75:03'],
  ])('%d ms -> %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });

  it.each([-1, -60_000, Number.NaN, Number.POSITIVE_INFINITY])('never shows a negative or broken time (%d)', (ms) => {
    expect(formatElapsed(ms)).toBe('00:00');
  });
});
