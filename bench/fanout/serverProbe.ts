/**
 * Runs inside each server process: CPU, event-loop delay and memory, reported over IPC. Measured windows
 * accumulate (a server is measured over several windows, interleaved with the other server's).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { z } from 'zod';
import { CpuMeter } from '../core/cpuMeter';
import { LoopDelaySampler } from '../core/loopDelaySampler';
import { sendToParent } from '../core/parentLink';

export const probeCommandSchema = z.object({ type: z.enum(['rss', 'window:open', 'window:close', 'measured']) });
export type ProbeCommand = z.infer<typeof probeCommandSchema>;

export const rssReplySchema = z.object({ type: z.literal('rss'), rssBytes: z.number() });
export const measuredReplySchema = z.object({
  type: z.literal('measured'),
  /** Process CPU time (user + system) over the windows' wall time: 100 is one core busy. */
  cpuPercentOfCore: z.number(),
  eventLoopDelayP99Ms: z.number(),
  /** Garbage-collection pauses inside the windows: the longest, and their sum. */
  gcPauseMaxMs: z.number(),
  gcPauseTotalMs: z.number(),
  wallMs: z.number(),
});
export type ServerMeasurement = z.infer<typeof measuredReplySchema>;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

export class ServerProbe {
  private readonly delays = new LoopDelaySampler();
  private readonly cpu = new CpuMeter();
  private windowOpen = false;
  private gcPauseMaxMs = 0;
  private gcPauseTotalMs = 0;

  constructor() {
    new PerformanceObserver((list) => {
      if (!this.windowOpen) return;
      for (const entry of list.getEntries()) {
        this.gcPauseMaxMs = Math.max(this.gcPauseMaxMs, entry.duration);
        this.gcPauseTotalMs += entry.duration;
      }
    }).observe({ entryTypes: ['gc'] });
  }

  handle(command: ProbeCommand): void {
    switch (command.type) {
      case 'rss':
        collectGarbage();
        sendToParent({ type: 'rss', rssBytes: process.memoryUsage().rss });
        return;
      case 'window:open':
        this.windowOpen = true;
        this.delays.start();
        this.cpu.start();
        return;
      case 'window:close':
        this.windowOpen = false;
        this.cpu.stop();
        this.delays.stop();
        return;
      case 'measured':
        sendToParent({
          type: 'measured',
          cpuPercentOfCore: this.cpu.percentOfCore(),
          eventLoopDelayP99Ms: this.delays.percentileMs(99),
          gcPauseMaxMs: this.gcPauseMaxMs,
          gcPauseTotalMs: this.gcPauseTotalMs,
          wallMs: this.cpu.measuredWallMs,
        });
        return;
    }
  }
}
