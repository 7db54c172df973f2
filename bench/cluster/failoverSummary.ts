/** Failover trials: when the new owner's first release reached a viewer, and the figures over several trials. Pure. */
import { percentile, sortedCopy } from '../core/stats';

/** One event message as an observer received it. */
export interface Arrival {
  seq: number;
  /** Epoch ms (Date.now() of the observing process). */
  atMs: number;
}

export interface TrialObservation {
  /** Epoch ms just before SIGKILL was sent to the room's owner. */
  killedAtMs: number;
  /** The highest seq any observer had received when the owner was killed. */
  lastSeqBeforeKill: number;
  /** When the new owner logged that it runs the room's clock (epoch ms); undefined while no node has. */
  takeoverLoggedAtMs: number | undefined;
  /** Every event message the observers received (any order). */
  arrivals: readonly Arrival[];
}

export interface TrialTimes {
  /** Kill → the new owner's log line `This node runs the room’s clock`; null when no node took over. */
  takeoverMs: number | null;
  /** Kill → the first event message from the new owner at any observer; null when none arrived. */
  firstReleaseMs: number | null;
  /** Seqs above the last one seen at the kill that still arrived before the takeover: the dead owner's, in flight. */
  inFlightFromOldOwner: number;
}

/**
 * The new owner numbers on from the room's log and logs the takeover before its room's timers release anything; the
 * dead owner's messages still on their way when it was killed carry seqs above the last one seen too, but arrive
 * before that line (the lease must expire first, seconds later). So the new owner's first release is the first
 * arrival with a seq above `lastSeqBeforeKill` at or after the takeover line.
 */
export function trialTimes(observation: TrialObservation): TrialTimes {
  const { killedAtMs, lastSeqBeforeKill, takeoverLoggedAtMs, arrivals } = observation;
  const newer = arrivals.filter((arrival) => arrival.seq > lastSeqBeforeKill);
  const early = new Set(newer.filter((arrival) => takeoverLoggedAtMs === undefined || arrival.atMs < takeoverLoggedAtMs).map((arrival) => arrival.seq));
  if (takeoverLoggedAtMs === undefined) return { takeoverMs: null, firstReleaseMs: null, inFlightFromOldOwner: early.size };
  const fromNewOwner = newer.filter((arrival) => arrival.atMs >= takeoverLoggedAtMs).map((arrival) => arrival.atMs);
  return {
    takeoverMs: takeoverLoggedAtMs - killedAtMs,
    firstReleaseMs: fromNewOwner.length === 0 ? null : Math.min(...fromNewOwner) - killedAtMs,
    inFlightFromOldOwner: early.size,
  };
}

export interface TrialsSummary {
  /** Trials with a figure, and trials without one (no takeover, no release, or the trial failed). */
  measured: number;
  missing: number;
  minMs: number | null;
  /** Nearest-rank median (core/stats.ts percentile). */
  medianMs: number | null;
  maxMs: number | null;
}

export function summarizeTrials(values: readonly (number | null)[]): TrialsSummary {
  const measured = values.filter((value): value is number => value !== null);
  const sorted = sortedCopy(measured);
  const at = (p: number) => (sorted.length === 0 ? null : percentile(sorted, p));
  return { measured: measured.length, missing: values.length - measured.length, minMs: at(0), medianMs: at(50), maxMs: at(100) };
}
