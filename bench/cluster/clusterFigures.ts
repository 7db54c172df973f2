/** The cluster part's rows and notes: fan-out cluster vs one node, and the failover trials. */
import { DEFAULT_ROOM_LEASE_TTL_MS } from '@/lib/cluster/leaseKeeperPolicy';
import { atMost, EXACTLY_ZERO, metric, type BenchMetric } from '../core/benchResult';
import { percentile } from '../core/stats';
import type { TargetOutcome } from './clusterFanout';
import { summarizeTrials } from './failoverSummary';
import type { TrialResult } from './failoverTrial';

/** Issue 14's promise: another node plays the room on within this long after its owner died. */
export const FAILOVER_PROMISE_MS = 5_000;

export function fanoutMetrics(clients: number, cluster: TargetOutcome, oneNode: TargetOutcome): BenchMetric[] {
  const at = (outcome: TargetOutcome, p: number) => percentile(outcome.latenciesMs, p);
  const label = `${clients.toLocaleString('en-GB')} clients, 3 nodes vs 1`;
  return [
    metric(`${label}: delivery p50`, 'ms', at(cluster, 50), at(oneNode, 50)),
    metric(`${label}: delivery p99`, 'ms', at(cluster, 99), at(oneNode, 99)),
    metric(`${label}: delivery max`, 'ms', at(cluster, 100), at(oneNode, 100)),
    metric(`${label}: lost (client, event)`, 'count', cluster.lost, oneNode.lost, EXACTLY_ZERO),
    metric(`${label}: duplicated (client, event)`, 'count', cluster.duplicated, oneNode.duplicated, EXACTLY_ZERO),
  ];
}

export function fanoutNote(clients: number, label: string, outcome: TargetOutcome): string {
  const problems = [
    outcome.failedToConnect > 0 ? `${outcome.failedToConnect} failed to connect (${outcome.firstConnectError ?? 'no error'})` : '',
    outcome.disconnected > 0 ? `${outcome.disconnected} disconnected` : '',
    outcome.clientsWithLoss > 0 ? `${outcome.clientsWithLoss} clients lost events` : '',
    outcome.clientsWithDuplicates > 0 ? `${outcome.clientsWithDuplicates} clients got duplicates` : '',
  ].filter(Boolean);
  return (
    `${clients} clients, ${label}: ${outcome.connected} connected, ${outcome.eventsInWindows} events in the windows, ` +
    `${outcome.latenciesMs.length.toLocaleString('en-GB')} deliveries measured; client processes ` +
    `${outcome.processCpuPercents.map((p) => `${p.toFixed(0)}%`).join(' and ')} of a core; ` +
    `machine ${outcome.machineBusyPercent.toFixed(0)}% busy in the windows${problems.length > 0 ? `; ${problems.join(', ')}` : ''}`
  );
}

/** Min, median and max over the trials of both figures; the worst trial carries the 5 s promise. */
export function failoverMetrics(trials: readonly TrialResult[], plannedTrials: number): BenchMetric[] {
  const padded = <T>(values: T[]) => [...values, ...Array.from({ length: plannedTrials - values.length }, () => null)];
  const release = summarizeTrials(padded(trials.map((t) => t.firstReleaseMs)));
  const takeover = summarizeTrials(padded(trials.map((t) => t.takeoverMs)));
  const n = `${plannedTrials} trials`;
  return [
    metric(`failover, owner killed → first release from the new owner, min of ${n}`, 'ms', release.minMs, null),
    metric(`failover, owner killed → first release from the new owner, median of ${n}`, 'ms', release.medianMs, null),
    // A trial without a figure (no takeover within 30 s) makes the max unknown: the target is then missed.
    metric(`failover, owner killed → first release from the new owner, max of ${n}`, 'ms', release.missing > 0 ? null : release.maxMs, null, atMost(FAILOVER_PROMISE_MS, 'ms')),
    metric(`failover, owner killed → new owner's takeover log line, median of ${n}`, 'ms', takeover.medianMs, null),
    metric(`failover, trials without a release from a new owner`, 'count', release.missing, null, EXACTLY_ZERO),
  ];
}

export function failoverNotes(trials: readonly TrialResult[]): string[] {
  const ms = (value: number | null) => (value === null ? 'none' : `${value.toFixed(0)} ms`);
  return [
    `Failover: room lease ttl ${DEFAULT_ROOM_LEASE_TTL_MS} ms (lib/cluster/leaseKeeperPolicy.ts), promise ${FAILOVER_PROMISE_MS} ms. ` +
      'Per trial a new room made on one node (which therefore runs its clock), two observers on each other node, the room playing at ≈ 10 events/s; ' +
      'SIGKILL to the owner; the time until the first event message with a seq above the last one seen before the kill reaches an observer at or after ' +
      'the new owner logged `This node runs the room’s clock`; then the room is paused through a surviving node and the killed node started again.',
    ...trials.map(
      (t, i) =>
        `trial ${i + 1}: owner ${t.owner} killed, ${t.newOwner ?? 'no node'} took over; takeover line ${ms(t.takeoverMs)}, first release ${ms(t.firstReleaseMs)}` +
        `${t.inFlightFromOldOwner > 0 ? `; ${t.inFlightFromOldOwner} message(s) of the dead owner still arrived after the kill` : ''}` +
        `${t.pausedAfterwards ? '' : '; the pause through a surviving node was NOT answered'}`,
    ),
  ];
}
