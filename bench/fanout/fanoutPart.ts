/**
 * Part 1, fan-out: N socket.io clients in one room of the real Sitrep server, against a bare Socket.IO server
 * sending the same payloads at the same instants. Ratios Sitrep / bare, measured in the same run.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serverConfigFromEnv } from '@/lib/server/config';
import { alternatingOrder } from '../core/alternation';
import { EXACTLY_ZERO, metric, ratioAtMost, type BenchContext, type BenchMetric, type BenchPart } from '../core/benchResult';
import { loadAverageOneMinute } from '../core/machineLoad';
import { loadStory, rateForEventsPerSecond } from '../core/releasePlan';
import { percentile } from '../core/stats';
import { pacedStory, writeStoryFolder } from '../stories/syntheticStories';
import { CLIENT_PROCESSES } from './clientFleet';
import { connectServer, resultOf, runSegment, type FanoutResult, type SegmentTiming, type ServerRun } from './fanoutRun';
import { startBareServer, startSitrepServer, type StoryUnderTest } from './streamServers';

const CLIENT_COUNTS = [500, 2_000, 5_000];
const QUICK_CLIENT_COUNTS = [200, 1_000];
const TIMING: SegmentTiming = { warmupWallMs: 2_000, measureWallMs: 5_000, drainWallMs: 1_000, segmentsPerServer: 6 };
const QUICK_TIMING: SegmentTiming = { warmupWallMs: 1_000, measureWallMs: 4_000, drainWallMs: 1_000, segmentsPerServer: 1 };
export const TARGET_EVENTS_PER_SECOND = 10;
const PACED_EVENTS = 1_000;
const STORY_SEED = 1;
const P99_RATIO_LIMIT = 1.1;
const BYTES_PER_KB = 1_024;

/** The paced story both fan-out parts play, at the rate that releases about TARGET_EVENTS_PER_SECOND. */
export async function prepareStory(context: BenchContext, timing: SegmentTiming): Promise<StoryUnderTest> {
  const eventsDir = path.join(context.workDir, 'fanout-events');
  mkdirSync(eventsDir, { recursive: true });
  const story = pacedStory(PACED_EVENTS, STORY_SEED);
  const folder = writeStoryFolder(eventsDir, story);
  const { schedule } = await loadStory(folder);
  // The server's own gap cap (SITREP_MAX_GAP_MS unset): the plan must use the maths the room uses.
  const { maxGapWallMs } = serverConfigFromEnv({});
  const segmentWallMs = timing.warmupWallMs + timing.measureWallMs + timing.drainWallMs;
  const storySecondsPerSecond = rateForEventsPerSecond(schedule, TARGET_EVENTS_PER_SECOND, segmentWallMs, maxGapWallMs);
  return { folder, eventsDir, scenarioId: story.id, schedule, storySecondsPerSecond, maxGapWallMs };
}

/** Sitrep, bare, bare, Sitrep, Sitrep, bare, ...: each server leads every other round. */
async function alternate(sitrep: ServerRun, bare: ServerRun, timing: SegmentTiming): Promise<void> {
  for (let round = 0; round < timing.segmentsPerServer; round++) {
    for (const run of alternatingOrder(round, sitrep, bare)) await runSegment(run, timing, sitrep.firstEventSeq ?? 1);
  }
}

async function measureClients(context: BenchContext, story: StoryUnderTest, clients: number, timing: SegmentTiming) {
  const sitrepServer = await startSitrepServer(story, context.repoRoot, context.workDir);
  const bareServer = await startBareServer(story);
  const runs: ServerRun[] = [];
  try {
    runs.push(await connectServer(sitrepServer, clients));
    runs.push(await connectServer(bareServer, clients));
    const [sitrep, bare] = runs as [ServerRun, ServerRun];
    await alternate(sitrep, bare, timing);
    return { sitrep: await resultOf(sitrep), bare: await resultOf(bare) };
  } finally {
    await Promise.all(runs.map((run) => run.fleet.stop()));
    await Promise.all([sitrepServer.stop(), bareServer.stop()]);
  }
}

function metricsFor(clients: number, sitrep: FanoutResult, bare: FanoutResult): BenchMetric[] {
  const at = (result: FanoutResult, p: number) => percentile(result.latenciesMs, p);
  const label = `${clients.toLocaleString('en-GB')} clients`;
  return [
    metric(`${label}: delivery p50`, 'ms', at(sitrep, 50), at(bare, 50)),
    metric(`${label}: delivery p95`, 'ms', at(sitrep, 95), at(bare, 95)),
    metric(`${label}: delivery p99`, 'ms', at(sitrep, 99), at(bare, 99), ratioAtMost(P99_RATIO_LIMIT)),
    metric(`${label}: delivery max`, 'ms', at(sitrep, 100), at(bare, 100)),
    metric(`${label}: lost (client, event)`, 'count', sitrep.lost, bare.lost, EXACTLY_ZERO),
    metric(`${label}: duplicated (client, event)`, 'count', sitrep.duplicated, bare.duplicated, EXACTLY_ZERO),
    metric(`${label}: server CPU`, '% of a core', sitrep.server.cpuPercentOfCore, bare.server.cpuPercentOfCore),
    metric(`${label}: event-loop delay p99`, 'ms', sitrep.server.eventLoopDelayP99Ms, bare.server.eventLoopDelayP99Ms),
    metric(`${label}: longest GC pause`, 'ms', sitrep.server.gcPauseMaxMs, bare.server.gcPauseMaxMs),
    metric(`${label}: memory per client`, 'KB', sitrep.memoryPerClientBytes / BYTES_PER_KB, bare.memoryPerClientBytes / BYTES_PER_KB),
  ];
}

function resultNote(clients: number, kind: string, result: FanoutResult): string {
  const problems = [
    result.failedToConnect > 0 ? `${result.failedToConnect} failed to connect (${result.firstConnectError ?? 'no error'})` : '',
    result.disconnected > 0 ? `${result.disconnected} disconnected` : '',
    result.clientsWithLoss > 0 ? `${result.clientsWithLoss} clients lost events` : '',
    result.clientsWithDuplicates > 0 ? `${result.clientsWithDuplicates} clients got duplicates` : '',
  ].filter(Boolean);
  return (
    `${clients} clients, ${kind}: ${result.connected} connected, ${result.eventsInWindows} events in the windows, ` +
    `${result.latenciesMs.length.toLocaleString('en-GB')} deliveries measured; client processes ` +
    `${result.processCpuPercents.map((p) => `${p.toFixed(0)}%`).join(' and ')} of a core; ` +
    `machine ${result.machineBusyPercent.toFixed(0)}% busy in the windows${problems.length > 0 ? `; ${problems.join(', ')}` : ''}`
  );
}

export const fanoutPart: BenchPart = {
  name: 'fanout',
  title: 'Fan-out: one room, N clients, Sitrep vs bare Socket.IO',
  needsAppBuild: true,
  async run(context) {
    const timing = context.quick ? QUICK_TIMING : TIMING;
    const story = await prepareStory(context, timing);
    const metrics: BenchMetric[] = [];
    const notes = [
      `Story ${story.scenarioId}: ${story.schedule.events.length} events one minute apart; rate ${story.storySecondsPerSecond.toFixed(1)} story s/s ` +
        `(≈ ${TARGET_EVENTS_PER_SECOND} events/s). Per server ${timing.segmentsPerServer} segment(s) alternating with the other server, each ` +
        `${timing.warmupWallMs / 1_000} s warm-up + ${timing.measureWallMs / 1_000} s measured + ${timing.drainWallMs / 1_000} s drain; ` +
        `clients in ${CLIENT_PROCESSES} processes per server; each server in its own process.`,
    ];
    for (const clients of context.quick ? QUICK_CLIENT_COUNTS : CLIENT_COUNTS) {
      context.log(`fan-out: ${clients} clients (load average ${loadAverageOneMinute().toFixed(1)})`);
      try {
        const { sitrep, bare } = await measureClients(context, story, clients, timing);
        metrics.push(...metricsFor(clients, sitrep, bare));
        notes.push(resultNote(clients, 'Sitrep', sitrep), resultNote(clients, 'bare', bare));
      } catch (error) {
        // One client count failing (e.g. the machine too loaded to answer in time) leaves the others standing.
        const reason = error instanceof Error ? error.message : String(error);
        context.log(`fan-out: ${clients} clients FAILED: ${reason}`);
        metrics.push(metric(`${clients.toLocaleString('en-GB')} clients: delivery p99`, 'ms', null, null, ratioAtMost(P99_RATIO_LIMIT)));
        notes.push(`${clients} clients: FAILED, no figures (${reason})`);
      }
    }
    return { part: this.name, title: this.title, metrics, notes };
  },
};
