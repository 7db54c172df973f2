import { upperBound } from '../sortedSearch';
import type { Schedule } from './schedule';

/**
 * Maps wall time to story time for a playing replay. Between two consecutive boundaries (event anchors and the
 * story's end) the playhead moves at the chosen rate, except that no segment takes longer than `maxGapWallMs`
 * of wall time: a quiet gap is crossed faster, dense stretches play at the chosen rate.
 */
export interface PlaybackRate {
  storySecondsPerSecond: number;
  maxGapWallMs: number;
}

/** Cumulative wall time at each boundary for one rate: `wallAtBoundaryMs[i]` is the wall offset of `boundariesMs[i]`. */
interface SegmentTable {
  wallAtBoundaryMs: Float64Array;
  /** Story ms per wall ms in segment i (between boundary i and i + 1). */
  velocity: Float64Array;
}

const tableCache = new WeakMap<Schedule, Map<string, SegmentTable>>();

function segmentTable(schedule: Schedule, rate: PlaybackRate): SegmentTable {
  const key = `${rate.storySecondsPerSecond}/${rate.maxGapWallMs}`;
  let perSchedule = tableCache.get(schedule);
  if (!perSchedule) {
    perSchedule = new Map();
    tableCache.set(schedule, perSchedule);
  }
  const cached = perSchedule.get(key);
  if (cached) return cached;

  const b = schedule.boundariesMs;
  const wallAtBoundaryMs = new Float64Array(b.length);
  const velocity = new Float64Array(Math.max(0, b.length - 1));
  for (let i = 0; i + 1 < b.length; i++) {
    const storyLengthMs = (b[i + 1] as number) - (b[i] as number);
    const wallMs = Math.min(storyLengthMs / rate.storySecondsPerSecond, rate.maxGapWallMs);
    velocity[i] = storyLengthMs / wallMs;
    wallAtBoundaryMs[i + 1] = (wallAtBoundaryMs[i] as number) + wallMs;
  }
  const table = { wallAtBoundaryMs, velocity };
  if (perSchedule.size > 16) perSchedule.clear();
  perSchedule.set(key, table);
  return table;
}

function clampToReplay(schedule: Schedule, storyMs: number): number {
  return Math.min(schedule.endMs, Math.max(schedule.startMs, storyMs));
}

/** Wall offset (from the replay's start, at this rate) at which the playhead reaches `storyMs`. */
export function wallOffsetOf(schedule: Schedule, rate: PlaybackRate, storyMs: number): number {
  const table = segmentTable(schedule, rate);
  const b = schedule.boundariesMs;
  const x = clampToReplay(schedule, storyMs);
  const i = Math.min(upperBound(b, x) - 1, b.length - 2);
  if (i < 0) return 0;
  return (table.wallAtBoundaryMs[i] as number) + (x - (b[i] as number)) / (table.velocity[i] as number);
}

/** Story instant reached at a wall offset (from the replay's start, at this rate). */
export function storyAtWallOffset(schedule: Schedule, rate: PlaybackRate, wallOffsetMs: number): number {
  const table = segmentTable(schedule, rate);
  const b = schedule.boundariesMs;
  const w = table.wallAtBoundaryMs;
  if (b.length < 2 || wallOffsetMs >= (w[w.length - 1] as number)) return schedule.endMs;
  if (wallOffsetMs <= 0) return schedule.startMs;
  const i = upperBound(w, wallOffsetMs) - 1;
  return (b[i] as number) + (wallOffsetMs - (w[i] as number)) * (table.velocity[i] as number);
}

/** Where the playhead is after `elapsedWallMs` of playing from `fromStoryMs`. */
export function advanceStory(schedule: Schedule, rate: PlaybackRate, fromStoryMs: number, elapsedWallMs: number): number {
  return storyAtWallOffset(schedule, rate, wallOffsetOf(schedule, rate, fromStoryMs) + Math.max(0, elapsedWallMs));
}

/** Wall time it takes to play from `fromStoryMs` to `toStoryMs` (0 when `to` is not ahead). */
export function wallBetween(schedule: Schedule, rate: PlaybackRate, fromStoryMs: number, toStoryMs: number): number {
  return Math.max(0, wallOffsetOf(schedule, rate, toStoryMs) - wallOffsetOf(schedule, rate, fromStoryMs));
}
