import { describe, expect, it } from 'vitest';
import { LINEAR_TIME_SCALE, scaleFromBreaks } from '@/lib/timeline/compressedScale';
import { markExtentPx, scaleOfZoomLevel, zoomLevelOf } from '@/lib/timeline/laneLayout';
import { layoutLanes } from '@/lib/timeline/lanePacking';
import type { TimelineMark } from '@/lib/timeline/marks';
import { HOUR, makeMark } from './fixtures';

/** One px per hour: hours read as px. */
const PX_PER_MS = 1 / HOUR;

describe('markExtentPx (12 px marks, 8 px shortest span, 40 px tails)', () => {
  it.each<[string, TimelineMark, { leftPx: number; rightPx: number }]>([
    ['a point is centred on its time', makeMark('a', 'strike', 'point', 100), { leftPx: 94, rightPx: 106 }],
    ['a span runs from start to end', makeMark('a', 'claim', 'span', 100, 110), { leftPx: 100, rightPx: 110 }],
    ['a short span is 8 px', makeMark('a', 'claim', 'span', 100, 102), { leftPx: 100, rightPx: 108 }],
    ['on or before: the tail is on the left', makeMark('a', 'claim', 'onOrBefore', 100), { leftPx: 60, rightPx: 106 }],
    ['on or after: the tail is on the right', makeMark('a', 'claim', 'onOrAfter', 100), { leftPx: 94, rightPx: 140 }],
  ])('%s', (_name, mark, expected) => {
    expect(markExtentPx(mark, PX_PER_MS, LINEAR_TIME_SCALE)).toEqual(expected);
  });
});

describe('markExtentPx on an axis with a break (1000 story hours from hour 200 drawn as 10)', () => {
  const scale = scaleFromBreaks([{ fromMs: 200 * HOUR, toMs: 1200 * HOUR, axisFromMs: 200 * HOUR, axisToMs: 210 * HOUR, label: 'gap' }]);
  it.each<[string, TimelineMark, { leftPx: number; rightPx: number }]>([
    ['a point before the break: where it was', makeMark('a', 'strike', 'point', 100), { leftPx: 94, rightPx: 106 }],
    ['a point after the break: 990 hours to the left', makeMark('a', 'strike', 'point', 1300), { leftPx: 304, rightPx: 316 }],
    ['a span after the break keeps its length', makeMark('a', 'claim', 'span', 1200, 1250), { leftPx: 210, rightPx: 260 }],
  ])('%s', (_name, mark, expected) => {
    expect(markExtentPx(mark, PX_PER_MS, scale)).toEqual(expected);
  });
});

describe('zoom levels (four per doubling)', () => {
  it.each<[number, number]>([
    [1, 0],
    [2, 4],
    [1.5, 2],
    [0.5, -4],
    [0.7, -3],
  ])('scale %s is level %s', (scale, level) => {
    expect(zoomLevelOf(scale)).toBe(level);
    expect(scaleOfZoomLevel(level)).toBeLessThanOrEqual(scale);
    expect(scaleOfZoomLevel(level + 1)).toBeGreaterThan(scale);
  });
});

describe('layoutLanes', () => {
  const rowsOf = (marks: TimelineMark[]) =>
    layoutLanes(marks, PX_PER_MS, LINEAR_TIME_SCALE)
      .filter((lane) => lane.placed.length > 0)
      .map((lane) => [lane.lane, lane.placed.map((p) => [p.mark.id, p.row]), lane.overlapping]);

  it('returns every lane in order, empty ones too', () => {
    expect(layoutLanes([], PX_PER_MS, LINEAR_TIME_SCALE).map((l) => [l.lane, l.placed.length, l.overlapping])).toEqual([
      ['kinetic', 0, 0],
      ['diplomatic', 0, 0],
      ['statements', 0, 0],
      ['claims', 0, 0],
      ['background', 0, 0],
    ]);
  });

  it.each<[string, TimelineMark[], unknown[]]>([
    [
      'marks that do not overlap share the first row (at least 3 px apart)',
      [makeMark('a', 'statement', 'point', 0), makeMark('b', 'statement', 'point', 15.01), makeMark('c', 'statement', 'point', 30.02)],
      [['statements', [['a', 0], ['b', 0], ['c', 0]], 0]],
    ],
    [
      'closer than the gap: the next row',
      [makeMark('a', 'statement', 'point', 0), makeMark('b', 'statement', 'point', 14), makeMark('c', 'statement', 'point', 28)],
      [['statements', [['a', 0], ['b', 1], ['c', 0]], 0]],
    ],
    [
      'left to right whatever the input order; ties by id',
      [makeMark('z', 'strike', 'point', 50), makeMark('b', 'strike', 'point', 0), makeMark('a', 'strike', 'point', 0)],
      [['kinetic', [['a', 0], ['b', 1], ['z', 0]], 0]],
    ],
    [
      'six marks at one instant: four rows, the last two overlap in rows 0 and 1',
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => makeMark(id, 'claim', 'onOrBefore', 100)),
      [['claims', [['a', 0], ['b', 1], ['c', 2], ['d', 3], ['e', 0], ['f', 1]], 2]],
    ],
    [
      'a long span keeps its row busy until it ends',
      [makeMark('span', 'meeting', 'span', 0, 100), makeMark('p1', 'proposal', 'point', 50), makeMark('p2', 'meeting', 'point', 110)],
      [['diplomatic', [['span', 0], ['p1', 1], ['p2', 0]], 0]],
    ],
    [
      'lanes are packed separately',
      [makeMark('s', 'strike', 'point', 10), makeMark('t', 'statement', 'point', 10), makeMark('b', 'background', 'span', 0, 20)],
      [
        ['kinetic', [['s', 0]], 0],
        ['statements', [['t', 0]], 0],
        ['background', [['b', 0]], 0],
      ],
    ],
  ])('%s', (_name, marks, expected) => {
    expect(rowsOf(marks)).toEqual(expected);
  });

  it('separates marks that overlap at a coarse scale once zoomed in', () => {
    const marks = [makeMark('a', 'strike', 'point', 0), makeMark('b', 'strike', 'point', 1)];
    expect(layoutLanes(marks, PX_PER_MS, LINEAR_TIME_SCALE)[0]?.placed.map((p) => p.row)).toEqual([0, 1]);
    expect(layoutLanes(marks, 20 * PX_PER_MS, LINEAR_TIME_SCALE)[0]?.placed.map((p) => p.row)).toEqual([0, 0]);
  });
});
