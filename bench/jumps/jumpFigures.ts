/** The figures of a series of measured windows of one server. Pure. */
import { metric, type BenchMetric } from '../core/benchResult';
import { percentile, sortedCopy } from '../core/stats';
import type { ServerMeasurement } from '../fanout/serverProbe';
import type { JumpWindowResult } from './jumpWindow';

export interface SeriesFigures {
  /** Median over the windows of each window's p50, p99 and max latency. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Each window's p99 and max, in order. */
  windowP99Ms: number[];
  windowMaxMs: number[];
  missing: number;
  disconnected: number;
  /** Frames and bytes per viewer per jump, over every window. */
  framesPerViewerPerJump: number;
  bytesPerViewerPerJump: number;
  machineBusyPercent: number;
  /** Median over the windows of the wall time from the first command sent to the last. */
  sendSpanMs: number;
}

export function medianOf(values: readonly number[]): number {
  return percentile(sortedCopy(values), 50);
}

/** `viewers`: the viewers connected to this server (the tallies are over all of them). */
export function seriesFigures(windows: readonly JumpWindowResult[], viewers: number): SeriesFigures {
  const at = (p: number) => windows.map((w) => percentile(w.report.latenciesMs, p));
  const jumps = windows.reduce((sum, w) => sum + w.sent.length, 0);
  const perViewerPerJump = (total: number) => (viewers > 0 && jumps > 0 ? total / viewers / jumps : Number.NaN);
  const sum = (pick: (w: JumpWindowResult) => number) => windows.reduce((total, w) => total + pick(w), 0);
  return {
    p50Ms: medianOf(at(50)),
    p99Ms: medianOf(at(99)),
    maxMs: medianOf(at(100)),
    windowP99Ms: at(99),
    windowMaxMs: at(100),
    missing: sum((w) => w.report.missing),
    disconnected: Math.max(0, ...windows.map((w) => w.report.disconnected)),
    framesPerViewerPerJump: perViewerPerJump(sum((w) => w.report.frames)),
    bytesPerViewerPerJump: perViewerPerJump(sum((w) => w.report.bytes)),
    machineBusyPercent: windows.length === 0 ? Number.NaN : sum((w) => w.machineBusyPercent) / windows.length,
    sendSpanMs: medianOf(windows.map((w) => (w.sent.at(-1)?.sentMs ?? Number.NaN) - (w.sent[0]?.sentMs ?? Number.NaN))),
  };
}

/** CPU time (user + system) the server process spent over its windows, per jump: unlike wall times, other work on the machine hardly moves it. */
export function cpuMsPerJump(measurement: ServerMeasurement, jumps: number): number {
  return jumps > 0 ? ((measurement.cpuPercentOfCore / 100) * measurement.wallMs) / jumps : Number.NaN;
}

/**
 * What each server process spent over its windows, beside each other (reported, no target). `jumps`: the jumps
 * each server broadcast over its windows (the same count for both).
 */
export function serverMetrics(label: string, measured: { sitrep: ServerMeasurement; bare: ServerMeasurement }, jumps: number): BenchMetric[] {
  const { sitrep, bare } = measured;
  return [
    metric(`${label}: server CPU per jump`, 'ms', cpuMsPerJump(sitrep, jumps), cpuMsPerJump(bare, jumps)),
    metric(`${label}: server CPU`, '% of a core', sitrep.cpuPercentOfCore, bare.cpuPercentOfCore),
    metric(`${label}: event-loop delay p99`, 'ms', sitrep.eventLoopDelayP99Ms, bare.eventLoopDelayP99Ms),
    metric(`${label}: longest GC pause`, 'ms', sitrep.gcPauseMaxMs, bare.gcPauseMaxMs),
  ];
}
