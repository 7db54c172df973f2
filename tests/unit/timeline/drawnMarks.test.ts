import { describe, expect, it } from 'vitest';
import { LINEAR_TIME_SCALE } from '@/lib/timeline/compressedScale';
import { DRAW_ALL_UP_TO, drawingWindow, drawnLanes, HIDDEN_UNDER_PX } from '@/lib/timeline/drawnMarks';
import { packLanes } from '@/lib/timeline/lanePacking';
import { HOUR, makeMark } from './fixtures';

/** One px per hour: hours read as px. */
const PX_PER_MS = 1 / HOUR;
const hours = (startHour: number, endHour: number) => ({ startMs: startHour * HOUR, endMs: endHour * HOUR });
const drawnIds = (lanes: ReturnType<typeof drawnLanes>) => lanes.flatMap((lane) => lane.drawn.map((p) => p.mark.id));

/** Windowing from the first event on (a story of a few events is drawn whole otherwise). */
const WINDOWED = 0;

describe('drawnLanes', () => {
  const marks = [
    makeMark('before', 'strike', 'point', 0),
    makeMark('long', 'strike', 'span', 10, 500),
    makeMark('inside', 'strike', 'point', 300),
    makeMark('after', 'strike', 'point', 900),
  ];
  const packed = packLanes(marks, PX_PER_MS, LINEAR_TIME_SCALE);

  it('draws the marks that reach into the window, a long span that started before it included', () => {
    expect(drawnIds(drawnLanes(packed, hours(200, 400), marks.length, null, WINDOWED))).toEqual(['long', 'inside']);
  });

  it('draws only the first events of the list (those shown at this position) but counts the lane’s shown events', () => {
    const lanes = drawnLanes(packed, hours(0, 1000), 2, null, WINDOWED);
    expect(drawnIds(lanes)).toEqual(['before', 'long']);
    expect(lanes.find((lane) => lane.lane === 'kinetic')?.eventCount).toBe(2);
  });

  it('always draws the selected event’s mark, even out of the window', () => {
    expect(drawnIds(drawnLanes(packed, hours(200, 400), marks.length, 'after', WINDOWED))).toEqual(['long', 'inside', 'after']);
  });

  it('leaves out a mark hidden under the last one drawn in its row, and counts it', () => {
    const crowded = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => makeMark(id, 'claim', 'point', 100 + (id === 'f' ? HIDDEN_UNDER_PX : 0)));
    const lanes = drawnLanes(packLanes(crowded, PX_PER_MS, LINEAR_TIME_SCALE), hours(0, 1000), crowded.length, null, WINDOWED);
    const claims = lanes.find((lane) => lane.lane === 'claims');
    // Rows 0-3 take a-d; e lands on a (same place: hidden); f is half a mark further: drawn.
    expect(claims?.drawn.map((p) => p.mark.id)).toEqual(['a', 'b', 'c', 'd', 'f']);
    expect([claims?.eventCount, claims?.overlapping]).toEqual([6, 2]);
  });
});

describe('drawingWindow', () => {
  it('covers the viewport and half its width on each side, on steps that survive a small pan', () => {
    const window = drawingWindow(hours(1000, 1100));
    expect(window.startMs).toBeLessThanOrEqual(950 * HOUR);
    expect(window.endMs).toBeGreaterThanOrEqual(1150 * HOUR);
    expect(drawingWindow({ startMs: 1000 * HOUR + 1, endMs: 1100 * HOUR + 1 })).toEqual(window);
  });
});

describe('drawnLanes in a small story', () => {
  it(`draws every shown mark, in the window or not, hidden or not, up to ${DRAW_ALL_UP_TO} events`, () => {
    const marks = [makeMark('a', 'claim', 'point', 0), makeMark('b', 'claim', 'point', 0), makeMark('far', 'claim', 'point', 5_000)];
    const lanes = drawnLanes(packLanes(marks, PX_PER_MS, LINEAR_TIME_SCALE), hours(0, 10), 3, null);
    expect(drawnIds(lanes)).toEqual(['a', 'b', 'far']);
  });
});
