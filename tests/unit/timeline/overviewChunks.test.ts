import { describe, expect, it } from 'vitest';
import { LINEAR_TIME_SCALE } from '@/lib/timeline/compressedScale';
import { OVERVIEW_CHUNK_MARKS, OverviewChunks } from '@/lib/timeline/overviewChunks';
import { overviewPaths } from '@/lib/timeline/overviewPaths';
import { HOUR, makeMark } from './fixtures';

const RANGE = { startMs: 0, endMs: 5_000 * HOUR };
const marks = Array.from({ length: 2 * OVERVIEW_CHUNK_MARKS + 10 }, (_, i) => makeMark(`m${i}`, i % 2 ? 'strike' : 'claim', 'point', i));

describe('OverviewChunks', () => {
  it('draws the same paths as overviewPaths, chunk by chunk', () => {
    const chunks = new OverviewChunks().chunks(marks, RANGE, LINEAR_TIME_SCALE);
    expect(chunks).toHaveLength(3);
    const joined = (type: 'strike' | 'claim') => chunks.map((chunk) => chunk.paths[type]).join('');
    const whole = overviewPaths(marks, RANGE, LINEAR_TIME_SCALE);
    expect([joined('strike'), joined('claim')]).toEqual([whole.strike, whole.claim]);
  });

  it('keeps unchanged chunks when the list grows, and redraws all on a new range', () => {
    const overview = new OverviewChunks();
    const before = overview.chunks(marks.slice(0, OVERVIEW_CHUNK_MARKS + 5), RANGE, LINEAR_TIME_SCALE);
    const after = overview.chunks(marks, RANGE, LINEAR_TIME_SCALE);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(overview.chunks(marks, { ...RANGE, endMs: RANGE.endMs * 2 }, LINEAR_TIME_SCALE)[0]).not.toBe(after[0]);
  });
});
