/**
 * Part "step": a presenter's step (`replay:control { type: 'step', direction: 'next' }`) delivered to N viewers,
 * from the instant the presenter sends it to the instant each viewer receives the `replay:jump`, against a bare
 * Socket.IO server broadcasting the same message to as many viewers, in alternating runs.
 */
import path from 'node:path';
import { EXACTLY_ZERO, metric, ratioAtMost, type BenchContext, type BenchMetric, type BenchPart } from '../core/benchResult';
import { loadAverageOneMinute } from '../core/machineLoad';
import { CLIENT_PROCESSES } from '../fanout/clientFleet';
import { serverMetrics, seriesFigures, type SeriesFigures } from '../jumps/jumpFigures';
import { alternateWindows, openRoomWithViewers, startJumpServers, type RoundPair } from '../jumps/jumpRooms';
import type { JumpCadence } from '../jumps/jumpWindow';
import { storyIdFor, writeStories } from '../ui/uiServer';

const STORY_EVENTS = 10_000;
const VIEWERS = 2_000;
const QUICK_VIEWERS = 500;
/** Runs per server, alternating with the other server's. */
const RUNS = 5;
const QUICK_RUNS = 2;
/** Each step is delivered to every viewer long before the next is sent: steps are measured one at a time. */
const CADENCE: JumpCadence = { count: 10, intervalMs: 500, measure: 'every' };
const QUICK_CADENCE: JumpCadence = { ...CADENCE, count: 5 };
const P99_RATIO_LIMIT = 1.1;

function metricsFor(viewers: number, sitrep: SeriesFigures, bare: SeriesFigures): BenchMetric[] {
  const label = `${viewers.toLocaleString('en-GB')} viewers`;
  return [
    metric(`${label}: step delivery p50`, 'ms', sitrep.p50Ms, bare.p50Ms),
    metric(`${label}: step delivery p99`, 'ms', sitrep.p99Ms, bare.p99Ms, ratioAtMost(P99_RATIO_LIMIT)),
    metric(`${label}: step delivery max`, 'ms', sitrep.maxMs, bare.maxMs),
    metric(`${label}: steps not received (viewer, step)`, 'count', sitrep.missing, bare.missing, EXACTLY_ZERO),
    metric(`${label}: bytes per viewer per step`, 'bytes', sitrep.bytesPerViewerPerJump, bare.bytesPerViewerPerJump),
  ];
}

function runsNote(pairs: readonly RoundPair[], sitrep: SeriesFigures, bare: SeriesFigures): string {
  const runs = sitrep.windowP99Ms.map((p99, i) => `${p99.toFixed(0)} / ${(bare.windowP99Ms[i] ?? Number.NaN).toFixed(0)}`).join(', ');
  const disconnected = sitrep.disconnected + bare.disconnected;
  return (
    `p99 per run, Sitrep / bare (ms): ${runs}; ${pairs.length * (pairs[0]?.sitrep.sent.length ?? 0)} steps per server; ` +
    `machine ${sitrep.machineBusyPercent.toFixed(0)}% / ${bare.machineBusyPercent.toFixed(0)}% busy in the Sitrep / bare runs` +
    (disconnected > 0 ? `; ${sitrep.disconnected} Sitrep and ${bare.disconnected} bare viewers disconnected` : '')
  );
}

export const stepPart: BenchPart = {
  name: 'step',
  title: "Step: a presenter's step delivered to N viewers, Sitrep vs bare Socket.IO",
  needsAppBuild: true,
  async run(context: BenchContext) {
    const viewers = context.quick ? QUICK_VIEWERS : VIEWERS;
    const runs = context.quick ? QUICK_RUNS : RUNS;
    const cadence = context.quick ? QUICK_CADENCE : CADENCE;
    const eventsDir = writeStories(context.workDir, [STORY_EVENTS], 'step-events');
    const scenarioId = storyIdFor(STORY_EVENTS);
    const servers = await startJumpServers(context, eventsDir, path.join(eventsDir, scenarioId));
    context.log(`step: ${viewers} viewers per server (load average ${loadAverageOneMinute().toFixed(1)})`);
    try {
      const room = await openRoomWithViewers(servers, scenarioId, viewers);
      try {
        const pairs = await alternateWindows(servers, room, runs, cadence, () => ({ type: 'step', direction: 'next' }));
        const sitrep = seriesFigures(pairs.map((p) => p.sitrep), room.sitrepViewers.connected);
        const bare = seriesFigures(pairs.map((p) => p.bare), room.bareViewers.connected);
        const notes = [
          `Story ${scenarioId} (a room paused at its start, stepped forward). ${runs} run(s) per server, alternating which goes first; a run is ` +
            `${cadence.count} steps ${cadence.intervalMs} ms apart; the bare server relays the payloads of the latest Sitrep run. Latency = ` +
            `Date.now() in the viewer's process when the replay:jump is handled − Date.now() in the runner just before the presenter sends the ` +
            `command. Figures: the median over runs of each run's p50 / p99 / max. ${room.sitrepViewers.connected} Sitrep and ` +
            `${room.bareViewers.connected} bare viewers in ${CLIENT_PROCESSES} processes per server; each server in its own process.`,
          runsNote(pairs, sitrep, bare),
          `load average ${loadAverageOneMinute().toFixed(1)} at the end of the part`,
        ];
        const label = `${viewers.toLocaleString('en-GB')} viewers`;
        return { part: this.name, title: this.title, metrics: [...metricsFor(viewers, sitrep, bare), ...serverMetrics(label, await servers.measured(), runs * cadence.count)], notes };
      } finally {
        await room.close();
      }
    } finally {
      await servers.stop();
    }
  },
};
