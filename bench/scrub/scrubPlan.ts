/** Where a scrubbing presenter seeks, and where the viewers must end up. Pure. */
import { releasedCountAt, type Schedule } from '@/lib/replay/schedule';

/**
 * `count` story instants (whole ms) sweeping the story from start to end at even steps, strictly inside it and all
 * different, as a presenter dragging the playhead across the timeline would send them.
 */
export function scrubTargetsMs(startMs: number, endMs: number, count: number): number[] {
  const spanMs = endMs - startMs;
  if (count < 1 || spanMs < count + 1) throw new Error(`cannot place ${count} distinct seeks inside a story of ${spanMs} ms`);
  return Array.from({ length: count }, (_, i) => startMs + Math.round(((i + 1) * spanMs) / (count + 1)));
}

export interface FinalPosition {
  positionMs: number;
  released: number;
}

/** Where every viewer must stand after a seek to `toMs`: the playhead there, and the events released up to it. */
export function finalPositionAfterSeek(schedule: Schedule, toMs: number): FinalPosition {
  return { positionMs: toMs, released: releasedCountAt(schedule, toMs) };
}
