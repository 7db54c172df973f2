/**
 * Lateness figures of one scheduler run. Percentiles are over every released event. Drift and the first/last
 * minute compare the timer itself: the lateness of the first event of each release instant, because the events
 * after it in a burst (up to hundreds share one instant) wait for the ones before them, wherever the burst falls.
 */
import { mean, medianSlope, percentile, sortedCopy } from '../core/stats';
import type { Samples } from './accuracyMessages';

const MS_PER_MINUTE = 60_000;

export interface LatenessSummary {
  releases: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  /** Release instants (bursts count once). */
  instants: number;
  instantMaxMs: number;
  /** Theil–Sen slope of instant lateness against elapsed time: > 0 means releases get later as the replay goes on. */
  driftMsPerMinute: number;
  firstMinuteP99Ms: number;
  lastMinuteP99Ms: number;
}

/** The first sample of each scheduled instant (samples arrive in release order). */
function firstOfEachInstant(samples: Samples): { elapsedMs: number[]; latenessMs: number[] } {
  const elapsedMs: number[] = [];
  const latenessMs: number[] = [];
  samples.elapsedMs.forEach((elapsed, i) => {
    if (i > 0 && samples.elapsedMs[i - 1] === elapsed) return;
    elapsedMs.push(elapsed);
    latenessMs.push(samples.latenessMs[i] as number);
  });
  return { elapsedMs, latenessMs };
}

function p99Between(instants: { elapsedMs: number[]; latenessMs: number[] }, fromMs: number, toMs: number): number {
  const inside = instants.latenessMs.filter((_, i) => (instants.elapsedMs[i] as number) >= fromMs && (instants.elapsedMs[i] as number) < toMs);
  return percentile(sortedCopy(inside), 99);
}

export function summarizeLateness(samples: Samples): LatenessSummary {
  const sorted = sortedCopy(samples.latenessMs);
  const instants = firstOfEachInstant(samples);
  const lastElapsedMs = instants.elapsedMs.reduce((max, value) => Math.max(max, value), 0);
  return {
    releases: sorted.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: percentile(sorted, 100),
    meanMs: mean(sorted),
    instants: instants.elapsedMs.length,
    instantMaxMs: percentile(sortedCopy(instants.latenessMs), 100),
    driftMsPerMinute: medianSlope(
      instants.elapsedMs.map((ms) => ms / MS_PER_MINUTE),
      instants.latenessMs,
    ),
    firstMinuteP99Ms: p99Between(instants, 0, MS_PER_MINUTE),
    lastMinuteP99Ms: p99Between(instants, lastElapsedMs - MS_PER_MINUTE, lastElapsedMs + 1),
  };
}
