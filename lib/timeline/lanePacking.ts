import type { TimeScale } from './compressedScale';
import { compareByLeftEdge, markExtentPx, placeInRow, ROWS_PER_LANE, type PlacedMark } from './laneLayout';
import { LANE_IDS, type LaneId } from './lanes';
import type { TimelineMark } from './marks';

/** One mark as packed: its place in its lane and in the list it came from. */
export interface PackedMark {
  mark: TimelineMark;
  /** Index of the mark in the packed list (release order). */
  order: number;
  leftPx: number;
  rightPx: number;
  row: number;
  /** Placed over a mark it overlaps: the lane had no free row here. */
  overlaps: boolean;
  /** The largest right edge of this mark and every mark left of it: finds the marks that reach into a window. */
  reachPx: number;
}

/** A lane's marks left to right (by left edge, then id). */
export interface PackedLane {
  lane: LaneId;
  marks: readonly PackedMark[];
  /** How many marks overlap one in their row. */
  overlapping: number;
}

export interface PackedLanes {
  /** Extents are in px at this scale (px per axis ms), counted from axis time 0. */
  pxPerMs: number;
  markCount: number;
  lanes: readonly PackedLane[];
}

function packLane(lane: LaneId, marks: readonly TimelineMark[], orders: readonly number[], pxPerMs: number, scale: TimeScale): PackedLane {
  const unpacked = marks.map((mark, i) => ({ mark, order: orders[i] as number, ...markExtentPx(mark, pxPerMs, scale) }));
  unpacked.sort(compareByLeftEdge);
  const rowRightPx: number[] = Array.from({ length: ROWS_PER_LANE }, () => -Infinity);
  const rowCounts: number[] = Array.from({ length: ROWS_PER_LANE }, () => 0);
  let reachPx = -Infinity;
  let overlapping = 0;
  const packed = unpacked.map((entry) => {
    const { row, overlaps } = placeInRow(rowRightPx, rowCounts, entry.leftPx, entry.rightPx);
    if (overlaps) overlapping++;
    reachPx = Math.max(reachPx, entry.rightPx);
    return { ...entry, row, overlaps, reachPx };
  });
  return { lane, marks: packed, overlapping };
}

/**
 * Greedy interval packing, lane by lane: each mark, left to right, takes the first row where it overlaps nothing.
 * Keeps for each mark its extent, its index in `marks` and the furthest right edge reached so far, so that the
 * marks of any window (and of any first part of the list) can be found without looking at the others.
 */
export function packLanes(marks: readonly TimelineMark[], pxPerMs: number, scale: TimeScale): PackedLanes {
  const byLane = new Map<LaneId, { marks: TimelineMark[]; orders: number[] }>(LANE_IDS.map((lane) => [lane, { marks: [], orders: [] }]));
  marks.forEach((mark, order) => {
    const lane = byLane.get(mark.lane);
    lane?.marks.push(mark);
    lane?.orders.push(order);
  });
  const lanes = LANE_IDS.map((lane) => {
    const { marks: laneMarks, orders } = byLane.get(lane) ?? { marks: [], orders: [] };
    return packLane(lane, laneMarks, orders, pxPerMs, scale);
  });
  return { pxPerMs, markCount: marks.length, lanes };
}

export interface LaneLayout {
  lane: LaneId;
  /** The lane's marks, left to right. */
  placed: PlacedMark[];
  /** How many marks share a row with one they overlap (the lane needs more rows at this zoom). */
  overlapping: number;
}

/** Every lane (even empty ones, in lane order) with its marks and their rows at `pxPerMs`: the packing, reduced. */
export function layoutLanes(marks: readonly TimelineMark[], pxPerMs: number, scale: TimeScale): LaneLayout[] {
  return packLanes(marks, pxPerMs, scale).lanes.map(({ lane, marks: packed, overlapping }) => ({
    lane,
    placed: packed.map(({ mark, row }) => ({ mark, row })),
    overlapping,
  }));
}
