import { EVENT_TYPES } from '@/lib/events/eventTypes';
import { describe, expect, it } from 'vitest';
import { LINEAR_TIME_SCALE } from '@/lib/timeline/compressedScale';
import { seededRandom } from '@/lib/synthetic/random';
import { scaleOfZoomLevel } from '@/lib/timeline/laneLayout';
import { packLanes } from '@/lib/timeline/lanePacking';
import { MARK_SHAPES, type TimelineMark } from '@/lib/timeline/marks';
import { HOUR, makeMark } from './fixtures';

const PX_PER_MS = 1 / HOUR;

/** Marks roughly in release order (anchors growing), with every shape, several at one instant, long spans. */
function randomMarks(count: number, seed: number): TimelineMark[] {
  const random = seededRandom(seed);
  let hour = 0;
  return Array.from({ length: count }, (_, i) => {
    if (random() < 0.6) hour += Math.floor(random() * 30);
    const type = EVENT_TYPES[Math.floor(random() * EVENT_TYPES.length)] ?? 'strike';
    const shape = MARK_SHAPES[Math.floor(random() * MARK_SHAPES.length)] ?? 'point';
    return makeMark(`m${i}`, type, shape, hour, shape === 'span' ? hour + Math.floor(random() * 200) : hour);
  });
}

describe('packLanes', () => {
  it('keeps the index of each mark in the list', () => {
    const marks = randomMarks(200, 3);
    const packed = packLanes(marks, scaleOfZoomLevel(-60), LINEAR_TIME_SCALE);
    expect(packed.markCount).toBe(200);
    for (const lane of packed.lanes) for (const m of lane.marks) expect(marks[m.order]).toBe(m.mark);
  });

  it('gives each mark the furthest right edge reached so far in its lane', () => {
    const packed = packLanes([makeMark('long', 'claim', 'span', 0, 500), makeMark('a', 'claim', 'point', 10)], PX_PER_MS, LINEAR_TIME_SCALE);
    expect(packed.lanes.find((lane) => lane.lane === 'claims')?.marks.map((m) => Math.round(m.reachPx))).toEqual([500, 500]);
  });
});
