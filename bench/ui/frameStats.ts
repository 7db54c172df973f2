/** Figures of one frame recording: how long frames took (requestAnimationFrame intervals) and the long ones. */
import { mean, percentile, sortedCopy } from '../core/stats';
import type { FrameRecording } from './pageProbes';

/** One frame at 60 Hz. */
export const FRAME_BUDGET_MS = 1_000 / 60;
/** Frame intervals jitter around the 60 Hz period by a few tenths of a millisecond even on an empty page. */
export const VSYNC_JITTER_MS = 0.5;
/** A frame longer than this is a long animation frame (the browser's own threshold). */
export const LONG_FRAME_MS = 50;

export interface FrameStats {
  frames: number;
  p50Ms: number;
  p95Ms: number;
  meanMs: number;
  maxMs: number;
  /** Frames over LONG_FRAME_MS: long-animation-frame entries, or rAF intervals when those are more. */
  longFrames: number;
  /** The longest long-animation-frame entry (0 when none). */
  longestLongFrameMs: number;
}

export function frameStats(recording: FrameRecording): FrameStats {
  const sorted = sortedCopy(recording.deltasMs);
  const longIntervals = recording.deltasMs.filter((delta) => delta > LONG_FRAME_MS).length;
  return {
    frames: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    meanMs: mean(sorted),
    maxMs: percentile(sorted, 100),
    longFrames: Math.max(longIntervals, recording.longFramesMs.length),
    longestLongFrameMs: Math.max(0, ...recording.longFramesMs),
  };
}

export function describeFrames(stats: FrameStats): string {
  const f = (ms: number) => ms.toFixed(1);
  return `${stats.frames} frames, p50 ${f(stats.p50Ms)} / p95 ${f(stats.p95Ms)} / max ${f(stats.maxMs)} ms, ${stats.longFrames} over ${LONG_FRAME_MS} ms`;
}
