/**
 * Event-loop delay over measured windows only: how late a 10 ms timer fires, recorded into one histogram across
 * windows. (perf_hooks.monitorEventLoopDelay cannot be paused: re-enabling it records the whole time it was
 * disabled as one sample, seconds long, which lands in the p99 of a busy process with few samples.)
 */
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

export const LOOP_SAMPLE_INTERVAL_MS = 10;
const NS_PER_MS = 1e6;

export class LoopDelaySampler {
  private readonly lateness: RecordableHistogram = createHistogram();
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.stop();
    let dueMs = performance.now() + LOOP_SAMPLE_INTERVAL_MS;
    const sample = () => {
      const nowMs = performance.now();
      // The histogram takes whole nanoseconds, at least 1.
      this.lateness.record(Math.max(1, Math.round((nowMs - dueMs) * NS_PER_MS)));
      dueMs = nowMs + LOOP_SAMPLE_INTERVAL_MS;
      this.timer = setTimeout(sample, LOOP_SAMPLE_INTERVAL_MS);
    };
    this.timer = setTimeout(sample, LOOP_SAMPLE_INTERVAL_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  percentileMs(p: number): number {
    return this.lateness.count === 0 ? Number.NaN : this.lateness.percentile(p) / NS_PER_MS;
  }

  get samples(): number {
    return this.lateness.count;
  }
}
