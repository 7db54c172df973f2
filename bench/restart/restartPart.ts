/**
 * Restart storm: N screens (the app's own connection, in SCREEN_PROCESSES child processes) in one room of the real
 * server process; SIGTERM, the same server started again on the same data and port, and every screen comes back on
 * its own. Sitrep's screens spread their return over the announced window (every attempt after a random delay within
 * it); the baseline is the same storm with the notice ignored: every screen reconnects at once and retries in step. Also: what a checkpoint of 500 playing rooms costs.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { RESTART_RECONNECT_WINDOW_MS } from '@/lib/realtime/server/attachRealtime';
import { CHECKPOINT_EVERY_WALL_MS } from '@/lib/realtime/server/roomRegistry';
import { SHUTDOWN_DEADLINE_MS } from '@/lib/server/shutdown';
import { BenchChild } from '../core/benchChild';
import { atMost, metric, type BenchContext, type BenchMetric, type BenchPart } from '../core/benchResult';
import { loadAverageOneMinute } from '../core/machineLoad';
import { concatFloat64, percentile } from '../core/stats';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../core/sitrepProcess';
import { pacedStory, writeStoryFolder } from '../stories/syntheticStories';
import { measureCheckpointCost } from './checkpointCost';
import { backReplySchema, openedReplySchema, type BackReply } from './restartMessages';
import { peakPerBucket } from './restartScreens';
import { freePort } from '../../scripts/lib/localServices/freePort';

const SCREENS = 5_000;
const QUICK_SCREENS = 1_000;
const SCREEN_PROCESSES = 2;
const OPEN_TIMEOUT_MS = 300_000;
const BACK_TIMEOUT_MS = 120_000;
const CHECKPOINTS = 200;
const QUICK_CHECKPOINTS = 40;
/** A checkpoint runs every CHECKPOINT_EVERY_WALL_MS on the server's event loop: it must take a small part of that. */
const CHECKPOINT_P99_LIMIT_MS = 10;

interface StormResult {
  screens: number;
  noticed: number;
  peakPerSecond: number;
  peakPer100Ms: number;
  /** From SIGTERM until every screen was back and held the room's new state. */
  allSyncedAfterTermMs: number | null;
  /** From the restarted server printing that it is ready until every screen was back in sync. */
  allSyncedAfterReadyMs: number | null;
  downMs: number;
  exitMs: number;
  outOfSync: number;
  error: string | null;
}

async function storm(context: BenchContext, eventsDir: string, scenarioId: string, screens: number, jitter: boolean): Promise<StormResult> {
  const dataDir = mkdtempSync(path.join(context.workDir, 'restart-data-'));
  const env = { SITREP_EVENTS_DIR: eventsDir, SITREP_DATA_DIR: dataDir, SITREP_LIVE_RATE: '1' };
  const port = await freePort();
  const children = Array.from({ length: SCREEN_PROCESSES }, (_, i) => new BenchChild(`screens ${i + 1}`, path.join(import.meta.dirname, 'screenProcess.ts')));
  let first: ServerProcess | undefined;
  let second: ServerProcess | undefined;
  try {
    first = await startServerProcess(context.repoRoot, port, env);
    const created = await fetch(`${first.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId }) });
    if (created.status !== 201) throw new Error(`POST /api/rooms answered ${created.status}`);
    const { roomId } = (await created.json()) as { roomId: string };
    const share = (i: number) => Math.floor(screens / SCREEN_PROCESSES) + (i < screens % SCREEN_PROCESSES ? 1 : 0);
    const opened = await Promise.all(
      children.map((child, i) => child.request({ type: 'open', url: first!.url, room: roomId, count: share(i), jitter }, openedReplySchema, OPEN_TIMEOUT_MS)),
    );
    const epochBefore = opened[0]?.epoch ?? '';
    context.log(`restart: ${screens} screens in room ${roomId} (jitter ${String(jitter)}); SIGTERM`);

    const termAtMs = Date.now();
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    const backs = children.map((child) => child.request({ type: 'back', epochBefore, timeoutMs: BACK_TIMEOUT_MS }, backReplySchema, BACK_TIMEOUT_MS + 30_000));
    second = await startServerProcess(context.repoRoot, port, env);
    const readyAtMs = Date.now();
    const replies: BackReply[] = await Promise.all(backs);

    const reference = await fetchStanding(second.url, roomId);
    const backAt = concatFloat64(replies.map((r) => r.backAtMs));
    const syncedAt = concatFloat64(replies.map((r) => r.syncedAtMs));
    const standings = replies.flatMap((r) => r.standings);
    const allSynced = syncedAt.length === screens;
    const lastSynced = allSynced ? Math.max(...syncedAt) : null;
    return {
      screens,
      noticed: replies.reduce((sum, r) => sum + r.noticed, 0),
      peakPerSecond: peakPerBucket([...backAt], 1_000),
      peakPer100Ms: peakPerBucket([...backAt], 100),
      allSyncedAfterTermMs: lastSynced === null ? null : lastSynced - termAtMs,
      allSyncedAfterReadyMs: lastSynced === null ? null : lastSynced - readyAtMs,
      downMs: readyAtMs - termAtMs,
      exitMs: exit.atMs - termAtMs,
      outOfSync: standings.filter((s) => !s || s.epoch !== reference.epoch || s.seq !== reference.seq || s.positionMs !== reference.positionMs).length,
      error: replies.find((r) => r.error !== null)?.error ?? null,
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await stopServerProcess(first);
    await stopServerProcess(second);
  }
}

/** Where a fresh client finds the room: one snapshot over a plain socket. */
async function fetchStanding(url: string, room: string): Promise<{ epoch: string; seq: number; positionMs: number }> {
  const { io } = await import('socket.io-client');
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: 2, room } });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect_error', reject);
      socket.once('replay:snapshot', (snapshot: { epoch: string; seq: number; clock: { positionMs: number } }) =>
        resolve({ epoch: snapshot.epoch, seq: snapshot.seq, positionMs: snapshot.clock.positionMs }),
      );
    });
  } finally {
    socket.disconnect();
  }
}

function stormMetrics(sitrep: StormResult, baseline: StormResult): BenchMetric[] {
  const label = `${sitrep.screens.toLocaleString('en-GB')} screens`;
  return [
    metric(`${label}: peak joins in one second`, 'joins/s', sitrep.peakPerSecond, baseline.peakPerSecond),
    metric(`${label}: peak joins in one 100 ms`, 'joins', sitrep.peakPer100Ms, baseline.peakPer100Ms),
    metric(`${label}: all back in sync after SIGTERM`, 's', secondsOf(sitrep.allSyncedAfterTermMs), secondsOf(baseline.allSyncedAfterTermMs)),
    metric(`${label}: all back in sync after the server is ready`, 's', secondsOf(sitrep.allSyncedAfterReadyMs), secondsOf(baseline.allSyncedAfterReadyMs)),
    metric(`${label}: exit after SIGTERM`, 's', sitrep.exitMs / 1_000, baseline.exitMs / 1_000, atMost(SHUTDOWN_DEADLINE_MS / 1_000, 's')),
    metric(`${label}: screens out of sync or not back`, 'count', sitrep.outOfSync + sitrep.screens - sitrep.noticed, baseline.outOfSync + baseline.screens - baseline.noticed),
  ];
}

const secondsOf = (ms: number | null) => (ms === null ? null : ms / 1_000);

function stormNote(kind: string, result: StormResult): string {
  return (
    `${kind}: ${result.noticed}/${result.screens} told of the restart; server down ${(result.downMs / 1_000).toFixed(1)} s ` +
    `(SIGTERM to ready), exited after ${(result.exitMs / 1_000).toFixed(1)} s${result.error ? `; ${result.error}` : ''}`
  );
}

export const restartPart: BenchPart = {
  name: 'restart',
  title: 'Restart: N screens come back after SIGTERM (spread vs all at once); checkpoint cost',
  needsAppBuild: true,
  async run(context) {
    const eventsDir = path.join(context.workDir, 'restart-events');
    mkdirSync(eventsDir, { recursive: true });
    const story = pacedStory(1_000, 1);
    writeStoryFolder(eventsDir, story);
    const screens = context.quick ? QUICK_SCREENS : SCREENS;
    const metrics: BenchMetric[] = [];
    const notes = [
      `Screens: the app's ReplayConnection over createSocket, in ${SCREEN_PROCESSES} processes, in one paused room of the real server process ` +
        `(node --import tsx server.ts); joins counted as each screen's connect after the restart. Sitrep: restart window ` +
        `${RESTART_RECONNECT_WINDOW_MS / 1_000} s (every attempt after a uniformly random delay within it); baseline: the notice ignored, Socket.IO's ` +
        `reconnection without randomization (all at once, retrying in step). Joins are timed in the screens' processes.`,
    ];
    context.log(`restart: checkpoint cost (load average ${loadAverageOneMinute().toFixed(1)})`);
    const cost = await measureCheckpointCost(eventsDir, story.id, context.workDir, context.quick ? QUICK_CHECKPOINTS : CHECKPOINTS);
    metrics.push(
      metric(`checkpoint of ${cost.rooms} playing rooms: p50`, 'ms', percentile(cost.durationsMs, 50), null),
      metric(`checkpoint of ${cost.rooms} playing rooms: p99`, 'ms', percentile(cost.durationsMs, 99), null, atMost(CHECKPOINT_P99_LIMIT_MS, 'ms')),
    );
    notes.push(`Checkpoint every ${CHECKPOINT_EVERY_WALL_MS} ms: ${cost.durationsMs.length} checkpoints of ${cost.rooms} playing rooms in one SQLite transaction (WAL, synchronous NORMAL).`);
    context.log(`restart: ${screens} screens with jitter (load average ${loadAverageOneMinute().toFixed(1)})`);
    const sitrep = await storm(context, eventsDir, story.id, screens, true);
    context.log(`restart: ${screens} screens without jitter (load average ${loadAverageOneMinute().toFixed(1)})`);
    const baseline = await storm(context, eventsDir, story.id, screens, false);
    metrics.push(...stormMetrics(sitrep, baseline));
    notes.push(stormNote('Sitrep', sitrep), stormNote('baseline', baseline));
    return { part: this.name, title: this.title, metrics, notes };
  },
};
