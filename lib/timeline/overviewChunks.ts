import { type EventType } from '../events/eventTypes';
import type { TimeScale } from './compressedScale';
import type { TimelineMark } from './marks';
import { overviewPaths } from './overviewPaths';
import type { Viewport } from './viewport';

/** Marks per chunk of the overview: a release redraws the paths of the last chunk only. */
export const OVERVIEW_CHUNK_MARKS = 1_000;

export interface OverviewChunk {
  first: TimelineMark;
  last: TimelineMark;
  length: number;
  paths: Record<EventType, string>;
}

/**
 * The overview's paths, chunk by chunk of OVERVIEW_CHUNK_MARKS marks in list order. A chunk whose marks are the same
 * (same first and last mark object, same length) over the same range and scale is the same object as before, so a growing
 * list costs one chunk's paths per update and the unchanged chunks do not render again.
 */
export class OverviewChunks {
  private previous: readonly OverviewChunk[] = [];
  private range: Viewport | null = null;
  private scale: TimeScale | null = null;

  chunks(marks: readonly TimelineMark[], range: Viewport, scale: TimeScale): readonly OverviewChunk[] {
    const sameRange = this.range !== null && this.range.startMs === range.startMs && this.range.endMs === range.endMs && this.scale === scale;
    const next: OverviewChunk[] = [];
    for (let start = 0; start < marks.length; start += OVERVIEW_CHUNK_MARKS) {
      const end = Math.min(marks.length, start + OVERVIEW_CHUNK_MARKS);
      const first = marks[start] as TimelineMark;
      const last = marks[end - 1] as TimelineMark;
      const known = this.previous[next.length];
      const reusable = sameRange && known !== undefined && known.first === first && known.last === last && known.length === end - start;
      next.push(reusable ? known : { first, last, length: end - start, paths: overviewPaths(marks.slice(start, end), range, scale) });
    }
    this.previous = next;
    this.range = range;
    this.scale = scale;
    return next;
  }
}
