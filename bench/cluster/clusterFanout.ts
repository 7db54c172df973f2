/**
 * Fan-out of one client count on two targets, both up at once and measured in alternating segments (core/alternation):
 * a room made on a cluster node with its clients spread over the three nodes through HAProxy, and a room of one node
 * alone with its clients connected to it. Each target's clients live in bench/fanout's client fleet (child processes),
 * and are scored by its delivery statistics: latency from each event's scheduled instant, loss and duplicates by seq.
 */
import { alternatingOrder } from '../core/alternation';
import { busyPercent, cpuTimes, type CpuTimes } from '../core/machineLoad';
import { untilEpoch } from '../core/parentLink';
import { ClientFleet, type FleetReport } from '../fanout/clientFleet';
import type { SegmentTiming } from '../fanout/fanoutRun';
import { openPresentedRoom, pause, type PresentedRoom } from '../fanout/presenter';
import { playPresentedRoom, type StoryUnderTest } from '../fanout/streamServers';

/** After the last join: lets the coalesced presence broadcasts go out before measuring. */
const SETTLE_WALL_MS = 2_000;

export interface FanoutTarget {
  label: string;
  /** Where the room is made and its presenter connects: a node's own address (that node runs the room's clock). */
  nodeUrl: string;
  /** Where the clients connect: HAProxy for the cluster, the node itself for one node. */
  clientUrl: string;
}

export interface TargetOutcome extends FleetReport {
  connected: number;
  failedToConnect: number;
  firstConnectError: string | null;
  eventsInWindows: number;
  /** All cores of the machine over this target's windows. */
  machineBusyPercent: number;
}

interface TargetRun {
  room: PresentedRoom;
  fleet: ClientFleet;
  /** Scheduled instant of every event released inside a measured window, by event id. */
  expected: Map<string, number>;
  busy: { from: CpuTimes | undefined; to: CpuTimes | undefined }[];
}

async function openRun(target: FanoutTarget, story: StoryUnderTest, clients: number): Promise<TargetRun> {
  const room = await openPresentedRoom(target.nodeUrl, story.scenarioId, story.storySecondsPerSecond);
  try {
    const fleet = await ClientFleet.connect({ kind: 'sitrep', url: target.clientUrl, room: room.roomId }, clients);
    return { room, fleet, expected: new Map(), busy: [] };
  } catch (error) {
    room.socket.disconnect();
    throw error;
  }
}

/** Plays the room for warm-up + window + drain, pauses it, and waits until its clients have received the backlog. */
async function runSegment(run: TargetRun, story: StoryUnderTest, timing: SegmentTiming): Promise<void> {
  const playing = await playPresentedRoom(story, run.room);
  const startMs = playing.playWallMs + timing.warmupWallMs;
  const endMs = startMs + timing.measureWallMs;
  for (const [id, atMs] of playing.scheduledMs) if (atMs >= startMs && atMs < endMs) run.expected.set(id, atMs);
  await untilEpoch(startMs);
  run.fleet.window('open');
  const from = cpuTimes();
  await untilEpoch(endMs);
  run.fleet.window('close');
  run.busy.push({ from, to: cpuTimes() });
  await untilEpoch(endMs + timing.drainWallMs);
  await pause(run.room);
  await run.fleet.quiet();
}

async function outcomeOf(run: TargetRun): Promise<TargetOutcome> {
  const report = await run.fleet.report(run.expected);
  const busy = run.busy.map((window) => busyPercent(window.from, window.to));
  return {
    ...report,
    connected: run.fleet.connected,
    failedToConnect: run.fleet.failed,
    firstConnectError: run.fleet.firstError,
    eventsInWindows: run.expected.size,
    machineBusyPercent: busy.reduce((sum, b) => sum + b, 0) / busy.length,
  };
}

/** `clients` clients on each target, measured in `timing.segmentsPerServer` alternating segments each. */
export async function measureFanout(
  cluster: FanoutTarget,
  oneNode: FanoutTarget,
  story: StoryUnderTest,
  clients: number,
  timing: SegmentTiming,
): Promise<{ cluster: TargetOutcome; oneNode: TargetOutcome }> {
  const runs: TargetRun[] = [];
  try {
    runs.push(await openRun(cluster, story, clients));
    runs.push(await openRun(oneNode, story, clients));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_WALL_MS));
    const [onCluster, onOneNode] = runs as [TargetRun, TargetRun];
    for (let round = 0; round < timing.segmentsPerServer; round++) {
      for (const run of alternatingOrder(round, onCluster, onOneNode)) await runSegment(run, story, timing);
    }
    return { cluster: await outcomeOf(onCluster), oneNode: await outcomeOf(onOneNode) };
  } finally {
    await Promise.all(runs.map((run) => run.fleet.stop()));
    for (const run of runs) run.room.socket.disconnect();
  }
}
