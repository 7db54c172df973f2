/**
 * One client count: both servers up at once, each with its own N clients, measured in alternating segments
 * (Sitrep, bare, bare, Sitrep, Sitrep, bare, ...) so that anything else the machine does falls on both alike.
 * In a segment one server plays while the other is halted and idle.
 */
import { busyPercent, cpuTimes, type CpuTimes } from '../core/machineLoad';
import { untilEpoch } from '../core/parentLink';
import { ClientFleet, type FleetReport } from './clientFleet';
import { measuredReplySchema, rssReplySchema, type ServerMeasurement } from './serverProbe';
import type { StreamServer } from './streamServers';

/** After the last join: lets Sitrep's coalesced presence broadcast (at most one a second) go out before measuring. */
const SETTLE_WALL_MS = 2_000;
const PROBE_TIMEOUT_MS = 30_000;

export interface SegmentTiming {
  /** Played but not measured at the start of each segment: lets the server get back into its stride. */
  warmupWallMs: number;
  measureWallMs: number;
  /** Played after the window, so that its last events are delivered under the same load as the others. */
  drainWallMs: number;
  /** Segments per server, alternating with the other server. */
  segmentsPerServer: number;
}

export interface ServerRun {
  server: StreamServer;
  fleet: ClientFleet;
  rssBeforeBytes: number;
  rssConnectedBytes: number;
  /** Scheduled instant of every event released inside a measured window, by event id. */
  expected: Map<string, number>;
  firstEventSeq: number | undefined;
  machineBusy: { from: CpuTimes | undefined; to: CpuTimes | undefined }[];
}

export interface FanoutResult extends FleetReport {
  server: ServerMeasurement;
  connected: number;
  failedToConnect: number;
  firstConnectError: string | null;
  eventsInWindows: number;
  memoryPerClientBytes: number;
  /** All cores of the machine over this server's windows, every process included. */
  machineBusyPercent: number;
}

async function rss(server: StreamServer): Promise<number> {
  return (await server.process.request({ type: 'rss' }, rssReplySchema, PROBE_TIMEOUT_MS)).rssBytes;
}

export async function connectServer(server: StreamServer, clients: number): Promise<ServerRun> {
  const rssBeforeBytes = await rss(server);
  const fleet = await ClientFleet.connect(server, clients);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_WALL_MS));
  return { server, fleet, rssBeforeBytes, rssConnectedBytes: await rss(server), expected: new Map(), firstEventSeq: undefined, machineBusy: [] };
}

/** Plays one server for warm-up + window + drain, then halts it and waits for its backlog. */
export async function runSegment(run: ServerRun, timing: SegmentTiming, firstEventSeq: number): Promise<void> {
  const playing = await run.server.play(firstEventSeq);
  run.firstEventSeq ??= playing.firstEventSeq;
  const startMs = playing.playWallMs + timing.warmupWallMs;
  const endMs = startMs + timing.measureWallMs;
  for (const [id, atMs] of playing.scheduledMs) if (atMs >= startMs && atMs < endMs) run.expected.set(id, atMs);
  await untilEpoch(startMs);
  run.server.process.send({ type: 'window:open' });
  run.fleet.window('open');
  const from = cpuTimes();
  await untilEpoch(endMs);
  run.server.process.send({ type: 'window:close' });
  run.fleet.window('close');
  run.machineBusy.push({ from, to: cpuTimes() });
  await untilEpoch(endMs + timing.drainWallMs);
  await run.server.halt();
  await run.fleet.quiet();
}

export async function resultOf(run: ServerRun): Promise<FanoutResult> {
  const server = await run.server.process.request({ type: 'measured' }, measuredReplySchema, PROBE_TIMEOUT_MS);
  const report = await run.fleet.report(run.expected);
  const busy = run.machineBusy.map((w) => busyPercent(w.from, w.to));
  return {
    ...report,
    server,
    connected: run.fleet.connected,
    failedToConnect: run.fleet.failed,
    firstConnectError: run.fleet.firstError,
    eventsInWindows: run.expected.size,
    memoryPerClientBytes: run.fleet.connected > 0 ? (run.rssConnectedBytes - run.rssBeforeBytes) / run.fleet.connected : Number.NaN,
    machineBusyPercent: busy.reduce((sum, b) => sum + b, 0) / busy.length,
  };
}
