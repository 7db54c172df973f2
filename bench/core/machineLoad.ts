/**
 * How busy the whole machine was while a window was measured (Linux /proc/stat). Other work on the machine (tests,
 * builds) slows both servers; the figure is reported beside the results so that a noisy run can be recognised.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface CpuTimes {
  busy: number;
  total: number;
}

export function cpuTimes(): CpuTimes | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** Share of all cores busy between two readings, in percent; NaN where /proc/stat is not available. */
export function busyPercent(from: CpuTimes | undefined, to: CpuTimes | undefined): number {
  if (!from || !to || to.total === from.total) return Number.NaN;
  return ((to.busy - from.busy) / (to.total - from.total)) * 100;
}

export function loadAverageOneMinute(): number {
  return os.loadavg()[0] ?? Number.NaN;
}
