import { partitionPoint } from '../sortedSearch';
import { MARK_SIZE_PX, type PlacedMark } from './laneLayout';
import type { PackedLane, PackedLanes, PackedMark } from './lanePacking';
import type { LaneId } from './lanes';
import { widthMs, type Viewport } from './viewport';

/**
 * A mark drawn less than this far (px) from the last one drawn in its row, on either side, is hidden under it and
 * is left out: at most about one mark per half mark width per row, however many events the story has.
 */
export const HIDDEN_UNDER_PX = MARK_SIZE_PX / 2;

/** Marks are drawn for this share of the viewport's width on each side of it, so that a short pan finds them there. */
export const OVERSCAN_SHARE = 0.5;

/**
 * Up to this many shown events, every mark is drawn wherever it is (each one a button to Tab to, as in a small
 * story); past it, only those in the drawing window and not hidden under another.
 */
export const DRAW_ALL_UP_TO = 500;

/** A mark to render, with its index in the packed list (release order). */
export interface DrawnMark extends PlacedMark {
  order: number;
}

export interface DrawnLane {
  lane: LaneId;
  /** The marks to render, left to right. */
  drawn: DrawnMark[];
  /** Events of the lane shown at this position (drawn or not). */
  eventCount: number;
  /** Of those, the marks laid over one they overlap (the lane needs more rows at this zoom). */
  overlapping: number;
}

/**
 * The window marks are drawn in: the viewport and its overscan, widened to multiples of a power-of-two step, so that
 * it stays the same object-for-object through most pan and zoom frames and the drawn marks are not recomputed.
 */
export function drawingWindow(viewport: Viewport): Viewport {
  const overscanMs = widthMs(viewport) * OVERSCAN_SHARE;
  const stepMs = 2 ** Math.floor(Math.log2(Math.max(1, overscanMs)));
  return {
    startMs: Math.floor((viewport.startMs - overscanMs) / stepMs) * stepMs,
    endMs: Math.ceil((viewport.endMs + overscanMs) / stepMs) * stepMs,
  };
}

/** The first mark whose reach (furthest right edge so far) gets to `px`. */
function firstReaching(marks: readonly PackedMark[], px: number): number {
  return partitionPoint(marks.length, (index) => (marks[index] as PackedMark).reachPx >= px);
}

/** The lane's marks among the first `shownCount` of the list, and how many of those overlap one. */
function countShown(lane: PackedLane, shownCount: number, markCount: number): { eventCount: number; overlapping: number } {
  if (shownCount >= markCount) return { eventCount: lane.marks.length, overlapping: lane.overlapping };
  let eventCount = 0;
  let overlapping = 0;
  for (const packed of lane.marks) {
    if (packed.order >= shownCount) continue;
    eventCount++;
    if (packed.overlaps) overlapping++;
  }
  return { eventCount, overlapping };
}

function drawAll(lane: PackedLane, shownCount: number): Omit<DrawnLane, 'eventCount' | 'overlapping'> {
  const drawn = lane.marks.filter((packed) => packed.order < shownCount).map(({ mark, row, order }) => ({ mark, row, order }));
  return { lane: lane.lane, drawn };
}

function drawLane(lane: PackedLane, fromPx: number, toPx: number, shownCount: number, selectedId: string | null): Omit<DrawnLane, 'eventCount' | 'overlapping'> {
  const lastLeftPx: number[] = [];
  const lastRightPx: number[] = [];
  const drawn: DrawnMark[] = [];
  let selectedDrawn = false;
  for (let i = firstReaching(lane.marks, fromPx); i < lane.marks.length; i++) {
    const packed = lane.marks[i] as PackedMark;
    if (packed.leftPx > toPx) break;
    if (packed.order >= shownCount || packed.rightPx < fromPx) continue;
    const selected = packed.mark.id === selectedId;
    const hidden =
      packed.leftPx < (lastLeftPx[packed.row] ?? -Infinity) + HIDDEN_UNDER_PX && packed.rightPx < (lastRightPx[packed.row] ?? -Infinity) + HIDDEN_UNDER_PX;
    if (hidden && !selected) continue;
    lastLeftPx[packed.row] = packed.leftPx;
    lastRightPx[packed.row] = Math.max(packed.rightPx, lastRightPx[packed.row] ?? -Infinity);
    drawn.push({ mark: packed.mark, row: packed.row, order: packed.order });
    selectedDrawn ||= selected;
  }
  // The selected event keeps its mark (and its focus) wherever the view goes.
  const selected = selectedDrawn || selectedId === null ? undefined : lane.marks.find((p) => p.mark.id === selectedId && p.order < shownCount);
  if (selected) drawn.push({ mark: selected.mark, row: selected.row, order: selected.order });
  return { lane: lane.lane, drawn };
}

/**
 * Per lane, the marks to render: those of the first `shownCount` events of the packed list (the events shown at this
 * screen's position); past `drawAllUpTo` of them, only those that reach into `window`, less those hidden under the
 * last one drawn in their row, plus the selected event's mark. The work is then proportional to the marks in the
 * window, not to the story.
 */
export function drawnLanes(packed: PackedLanes, window: Viewport, shownCount: number, selectedId: string | null, drawAllUpTo = DRAW_ALL_UP_TO): DrawnLane[] {
  const fromPx = window.startMs * packed.pxPerMs;
  const toPx = window.endMs * packed.pxPerMs;
  const draw = (lane: PackedLane) => (shownCount <= drawAllUpTo ? drawAll(lane, shownCount) : drawLane(lane, fromPx, toPx, shownCount, selectedId));
  return packed.lanes.map((lane) => ({ ...draw(lane), ...countShown(lane, shownCount, packed.markCount) }));
}
