import { assertNever } from '../assertNever';
import type { TimeScale } from './compressedScale';
import type { TimelineMark } from './marks';

/** Sizes of marks on screen; the stylesheet receives them as CSS variables so that both agree. */
export const MARK_SIZE_PX = 12;
export const MIN_SPAN_WIDTH_PX = 8;
export const MARK_TAIL_WIDTH_PX = 40;
export const ROW_HEIGHT_PX = 14;
export const ROW_GAP_PX = 3;
/** A lane has this many rows; marks that do not fit overlap in the row that frees up first. */
export const ROWS_PER_LANE = 4;
/** Rows are packed again only when the zoom crosses a level: four levels per doubling of the scale. */
export const ZOOM_LEVELS_PER_DOUBLING = 4;

export interface PlacedMark {
  mark: TimelineMark;
  row: number;
}

/** The zoom level of a scale (px per axis ms), rounded down; its scale is `scaleOfZoomLevel(level)`. */
export function zoomLevelOf(pxPerMs: number): number {
  return Math.floor(Math.log2(pxPerMs) * ZOOM_LEVELS_PER_DOUBLING);
}

export function scaleOfZoomLevel(level: number): number {
  return 2 ** (level / ZOOM_LEVELS_PER_DOUBLING);
}

/** The horizontal extent of a mark on screen, in px from axis time 0, at `pxPerMs` (px per axis ms). */
export function markExtentPx(mark: TimelineMark, pxPerMs: number, scale: TimeScale): { leftPx: number; rightPx: number } {
  const fromPx = scale.toAxis(mark.fromMs) * pxPerMs;
  const half = MARK_SIZE_PX / 2;
  switch (mark.shape) {
    case 'point':
      return { leftPx: fromPx - half, rightPx: fromPx + half };
    case 'span':
      return { leftPx: fromPx, rightPx: fromPx + Math.max(MIN_SPAN_WIDTH_PX, (scale.toAxis(mark.toMs) - scale.toAxis(mark.fromMs)) * pxPerMs) };
    case 'onOrBefore':
      return { leftPx: fromPx - MARK_TAIL_WIDTH_PX, rightPx: fromPx + half };
    case 'onOrAfter':
      return { leftPx: fromPx - half, rightPx: fromPx + MARK_TAIL_WIDTH_PX };
    default:
      return assertNever(mark.shape, 'mark shape');
  }
}

/** The row whose last mark ends first; among equals, the one holding fewest marks (overlaps spread out). */
export function rowThatFreesFirst(rowRightPx: ArrayLike<number>, rowCounts: ArrayLike<number>): number {
  let best = 0;
  for (let row = 1; row < rowRightPx.length; row++) {
    const right = rowRightPx[row] as number;
    const bestRight = rowRightPx[best] as number;
    if (right < bestRight || (right === bestRight && (rowCounts[row] as number) < (rowCounts[best] as number))) best = row;
  }
  return best;
}

/** Packing order: by left edge, ties by id, so that the layout does not depend on the order marks come in. */
export function compareByLeftEdge(a: { leftPx: number; mark: TimelineMark }, b: { leftPx: number; mark: TimelineMark }): number {
  return a.leftPx - b.leftPx || (a.mark.id < b.mark.id ? -1 : a.mark.id > b.mark.id ? 1 : 0);
}

/**
 * Places one mark, the next from the left: the first row where it overlaps nothing, else the row that frees first
 * (`overlaps`). Updates the rows' right edges and counts.
 */
export function placeInRow(rowRightPx: number[] | Float64Array, rowCounts: number[] | Int32Array, leftPx: number, rightPx: number): { row: number; overlaps: boolean } {
  let row = rowRightPx.findIndex((right) => right + ROW_GAP_PX <= leftPx);
  const overlaps = row === -1;
  if (overlaps) row = rowThatFreesFirst(rowRightPx, rowCounts);
  rowRightPx[row] = Math.max(rowRightPx[row] ?? -Infinity, rightPx);
  rowCounts[row] = (rowCounts[row] ?? 0) + 1;
  return { row, overlaps };
}
