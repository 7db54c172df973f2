/**
 * Part `cluster` (issue 14): the same room played at the same rate to N clients spread over three nodes behind
 * HAProxy (on Redis and PostgreSQL), against one node alone without Redis (today's single-process path), measured in
 * alternating segments in the same run; then the failover time over several trials of killing a room's owner.
 * Every process shares this machine's cores: the three-node figure is the cluster's overhead, not a speed-up.
 */
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_HEALTH_CHECK } from '@/lib/cluster/haproxyConfig';
import { startLocalCluster, type LocalCluster } from '@/scripts/lib/cluster/startLocalCluster';
import { freePort } from '@/scripts/lib/localServices/freePort';
import { metric, type BenchContext, type BenchMetric, type BenchPart } from '../core/benchResult';
import { loadAverageOneMinute } from '../core/machineLoad';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../core/sitrepProcess';
import { CLIENT_PROCESSES } from '../fanout/clientFleet';
import { prepareStory, TARGET_EVENTS_PER_SECOND } from '../fanout/fanoutPart';
import type { SegmentTiming } from '../fanout/fanoutRun';
import type { StoryUnderTest } from '../fanout/streamServers';
import { failoverMetrics, failoverNotes, fanoutMetrics, fanoutNote } from './clusterFigures';
import { measureFanout, type FanoutTarget } from './clusterFanout';
import { ClusterWatch } from './clusterWatch';
import { runFailoverTrial, type TakeoverRecord, type TrialResult } from './failoverTrial';
import { takeoverOf } from './takeoverLog';

const CLIENT_COUNTS = [2_000, 5_000];
const QUICK_CLIENT_COUNTS = [200, 500];
const TIMING: SegmentTiming = { warmupWallMs: 2_000, measureWallMs: 5_000, drainWallMs: 1_000, segmentsPerServer: 3 };
const QUICK_TIMING: SegmentTiming = { warmupWallMs: 1_000, measureWallMs: 4_000, drainWallMs: 1_000, segmentsPerServer: 1 };
const FAILOVER_TRIALS = 5;
const QUICK_FAILOVER_TRIALS = 2;
const NODES = 3;
const HEALTH_CHECK_NOTE =
  `HAProxy checks /api/health as deploy/ does (every ${DEFAULT_HEALTH_CHECK.intervalMs} ms, ${DEFAULT_HEALTH_CHECK.timeoutMs} ms timeout, DOWN after ` +
  `${DEFAULT_HEALTH_CHECK.fall} failures), not with \`npm run cluster\`'s 1 s check: under this load that one marked busy nodes DOWN and cut all their ` +
  'screens (on-marked-down shutdown-sessions). The failover trials do not go through HAProxy.';
/** The live room replays at real time (about one release a minute): next to no work beside the measured rooms. */
const NODE_ENV = (story: StoryUnderTest) => ({ SITREP_EVENTS_DIR: story.eventsDir, SITREP_LIVE_RATE: '1' });

/** One node as today: no Redis, rooms in its own SQLite file; empty values override any the operator has set. */
async function startOneNode(context: BenchContext, story: StoryUnderTest): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(context.workDir, 'one-node-data-'));
  const env = { ...NODE_ENV(story), SITREP_DATA_DIR: dataDir, SITREP_REDIS_URL: '', SITREP_DATABASE_URL: '' };
  return startServerProcess(context.repoRoot, await freePort(), env);
}

async function fanoutSection(context: BenchContext, story: StoryUnderTest, cluster: LocalCluster, oneNode: ServerProcess, timing: SegmentTiming, watch: ClusterWatch) {
  const metrics: BenchMetric[] = [];
  const notes: string[] = [];
  const firstNode = cluster.nodes[0];
  if (!firstNode) throw new Error('the cluster has no node');
  const onCluster: FanoutTarget = { label: '3 nodes via HAProxy', nodeUrl: firstNode.url, clientUrl: cluster.url };
  const onOneNode: FanoutTarget = { label: '1 node, no Redis', nodeUrl: oneNode.url, clientUrl: oneNode.url };
  for (const clients of context.quick ? QUICK_CLIENT_COUNTS : CLIENT_COUNTS) {
    context.log(`cluster fan-out: ${clients} clients (load average ${loadAverageOneMinute().toFixed(1)})`);
    try {
      const outcome = await measureFanout(onCluster, onOneNode, story, clients, timing);
      metrics.push(...fanoutMetrics(clients, outcome.cluster, outcome.oneNode));
      notes.push(fanoutNote(clients, onCluster.label, outcome.cluster), fanoutNote(clients, onOneNode.label, outcome.oneNode));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      context.log(`cluster fan-out: ${clients} clients FAILED: ${reason}`);
      metrics.push(metric(`${clients.toLocaleString('en-GB')} clients, 3 nodes vs 1: delivery p99`, 'ms', null, null));
      notes.push(`${clients} clients: FAILED, no figures (${reason})`);
    }
    notes.push(watch.takeSummary(`${clients} clients, the cluster`));
  }
  return { metrics, notes };
}

async function failoverSection(context: BenchContext, story: StoryUnderTest, cluster: LocalCluster, takeovers: TakeoverRecord[]) {
  const planned = context.quick ? QUICK_FAILOVER_TRIALS : FAILOVER_TRIALS;
  const trials: TrialResult[] = [];
  const problems: string[] = [];
  for (let i = 0; i < planned; i++) {
    // Each node in turn runs the killed room's clock.
    const owner = cluster.nodes[i % cluster.nodes.length];
    if (!owner) throw new Error('the cluster has no node');
    context.log(`cluster failover: trial ${i + 1} of ${planned}, killing ${owner.name} (load average ${loadAverageOneMinute().toFixed(1)})`);
    try {
      trials.push(await runFailoverTrial(cluster.nodes, owner, story, takeovers));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      context.log(`cluster failover: trial ${i + 1} FAILED: ${reason}`);
      problems.push(`trial ${i + 1}: FAILED (${reason})`);
    }
  }
  return { metrics: failoverMetrics(trials, planned), notes: [...failoverNotes(trials), ...problems] };
}

export const clusterPart: BenchPart = {
  name: 'cluster',
  title: 'Cluster: fan-out over 3 nodes (HAProxy, Redis) vs 1 node; failover time',
  needsAppBuild: true,
  async run(context) {
    const timing = context.quick ? QUICK_TIMING : TIMING;
    const story = await prepareStory(context, timing);
    const takeovers: TakeoverRecord[] = [];
    const watch = new ClusterWatch();
    const cluster = await startLocalCluster({
      nodes: NODES,
      env: NODE_ENV(story),
      // The deployment's check (deploy/), not the local cluster's 1 s one: see HEALTH_CHECK_NOTE.
      healthCheck: DEFAULT_HEALTH_CHECK,
      logDir: path.join(context.workDir, 'cluster-logs'),
      onNodeLine: (node, line) => {
        watch.noteLine(line);
        const takeover = takeoverOf(line);
        if (takeover) takeovers.push({ ...takeover, node });
      },
    });
    let oneNode: ServerProcess | undefined;
    watch.start(cluster);
    try {
      oneNode = await startOneNode(context, story);
      const fanout = await fanoutSection(context, story, cluster, oneNode, timing, watch);
      const failover = await failoverSection(context, story, cluster, takeovers);
      failover.notes.push(watch.takeSummary('failover trials'));
      const header =
        `All ${NODES + 1} Sitrep processes, redis-server, PostgreSQL, HAProxy and the ${2 * CLIENT_PROCESSES} client processes share this machine's cores: ` +
        'the three-node figure is the overhead of the cluster path (HAProxy hop, Redis round trip, adapter fan-out), not a speed-up. ' +
        `Cluster: the room made on node1 (its clock runs there), clients through HAProxy (leastconn) over the ${NODES} nodes. ` +
        'Baseline: one node without SITREP_REDIS_URL (SQLite, in-memory adapter), clients connected to it directly. ' +
        `Story ${story.scenarioId}, rate ${story.storySecondsPerSecond.toFixed(1)} story s/s (≈ ${TARGET_EVENTS_PER_SECOND} events/s); ` +
        `per target ${timing.segmentsPerServer} segment(s) alternating with the other, each ${timing.warmupWallMs / 1_000} s warm-up + ` +
        `${timing.measureWallMs / 1_000} s measured + ${timing.drainWallMs / 1_000} s drain; a new room per client count.`;
      return { part: this.name, title: this.title, metrics: [...fanout.metrics, ...failover.metrics], notes: [header, HEALTH_CHECK_NOTE, ...fanout.notes, ...failover.notes] };
    } finally {
      watch.stop();
      await stopServerProcess(oneNode);
      await cluster.stop();
    }
  },
};
