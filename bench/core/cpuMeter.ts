/** CPU time of this process over one or more measured windows, as % of one core. */
import { performance } from 'node:perf_hooks';

const US_PER_MS = 1e3;

export class CpuMeter {
  private open: { cpu: NodeJS.CpuUsage; wallMs: number } | undefined;
  private cpuMicros = 0;
  private wallMs = 0;

  start(): void {
    this.open = { cpu: process.cpuUsage(), wallMs: performance.now() };
  }

  stop(): void {
    if (!this.open) return;
    const cpu = process.cpuUsage(this.open.cpu);
    this.cpuMicros += cpu.user + cpu.system;
    this.wallMs += performance.now() - this.open.wallMs;
    this.open = undefined;
  }

  get measuredWallMs(): number {
    return this.wallMs;
  }

  /** User + system CPU over the windows' wall time: 100 is one core busy. NaN before any window. */
  percentOfCore(): number {
    return this.wallMs === 0 ? Number.NaN : (this.cpuMicros / US_PER_MS / this.wallMs) * 100;
  }
}
