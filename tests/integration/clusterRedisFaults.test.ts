/**
 * Issue 14's Redis faults: three nodes behind HAProxy on Redis and PostgreSQL, checked viewers spread over them through
 * HAProxy, an API room playing.
 * 1. Redis crashes mid-replay and comes back empty (leases, logs and heads gone): the nodes recover on their own, a
 *    node starts a new log from the room's saved state, every viewer is told of the gap (never a silent jump), the
 *    room plays to its end, and /api/health answers 200 all along (degraded while Redis is away).
 * 2. The owner alone is cut off from Redis (its SITREP_REDIS_URL goes through a TCP proxy the test cuts) and keeps its
 *    screens: another node takes the room over, no seq is ever seen with two contents on any node, and after the heal
 *    the cut node follows the room (its screens catch up) and carries a control to the new owner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ControlAck, ControlPayload } from '@/lib/realtime/protocol';
import { writeStoryFolder } from '@/lib/storyFiles/writeStoryFolder';
import { generateStory } from '@/lib/synthetic/generateStory';
import { startLocalCluster, type LocalCluster } from '@/scripts/lib/cluster/startLocalCluster';
import { CheckedViewers } from '../helpers/checkedViewers';
import { clusterToolsMissing } from '../helpers/clusterTools';
import { startCuttableTcpProxy, type CuttableTcpProxy } from '../helpers/cuttableTcpProxy';
import { freshPostgresDatabase, testPostgres } from '../helpers/postgresDatabases';
import { joinRoom, type ReplayClient } from '../helpers/replayClient';
import { createRoom, fetchSchedule } from '../helpers/replayServer';

const VIEWERS = 100;
const STORY_EVENTS = 120;
/** Each quiet stretch of the story takes at most this much wall time: a replay lasts well under half a minute. */
const MAX_GAP_WALL_MS = 150;
const RELEASED_BEFORE_FAULT = 25;
/** The issue's promise: a room whose owner is gone plays on within this long. */
const PLAYS_ON_WITHIN_MS = 5_000;
/** How often the health of the cluster is sampled while Redis is away. */
const HEALTH_SAMPLE_EVERY_MS = 200;
/** Redis stays away until /api/health has said so this many times (about a second). */
const DEGRADED_ANSWERS_WHILE_AWAY = 5;
const WAIT_MS = 30_000;
const TEST_TIMEOUT_MS = 120_000;

const postgres = testPostgres();
const missing = clusterToolsMissing(postgres);
const story = generateStory({ events: STORY_EVENTS, seed: 15 });

interface HealthSample {
  status: number;
  health?: string;
  redis?: string;
}

/** Samples GET /api/health until stopped: what a load balancer and a monitor see. */
function sampleHealth(url: string) {
  const samples: HealthSample[] = [];
  let stopped = false;
  let sampled = () => undefined as void;
  const loop = (async () => {
    while (!stopped) {
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
        const body = (await response.json()) as { status?: string; redis?: { state?: string } };
        samples.push({ status: response.status, health: body.status, redis: body.redis?.state });
      } catch {
        samples.push({ status: 0 });
      }
      sampled();
      await delay(HEALTH_SAMPLE_EVERY_MS);
    }
  })();
  return {
    samples,
    /** Resolves with the first sample from now on that `matches`. */
    next(matches: (sample: HealthSample) => boolean, timeoutMs: number): Promise<HealthSample> {
      const from = samples.length;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`/api/health: no such answer within ${timeoutMs} ms: ${JSON.stringify(samples.slice(from))}`)), timeoutMs);
        sampled = () => {
          const found = samples.slice(from).find(matches);
          if (!found) return;
          clearTimeout(timer);
          sampled = () => undefined;
          resolve(found);
        };
      });
    },
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/** A control sent again with the same commandId while the room is moving between nodes (answered `unavailable`). */
async function controlOnceAnswered(client: ReplayClient, payload: ControlPayload, timeoutMs: number): Promise<ControlAck> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ack = await client.control(payload);
    if (ack.ok || ack.error.code !== 'unavailable' || Date.now() > until) return ack;
    await delay(200);
  }
}

(missing ? describe.skip : describe)(`three nodes behind HAProxy, Redis failing under a playing room${missing ? ` — skipped: ${missing}` : ''}`, () => {
  const eventsDir = mkdtempSync(path.join(tmpdir(), 'sitrep-redis-faults-events-'));
  let cluster: LocalCluster;
  /** The first node's way to Redis: the partition test cuts it. */
  let proxy: CuttableTcpProxy | undefined;
  let viewers: CheckedViewers | undefined;
  let clients: ReplayClient[] = [];
  /** Warnings and errors of the nodes, and their word on who runs which room's clock, with the instant they came. */
  const nodeLines: { atMs: number; node: string; line: string }[] = [];

  beforeAll(async () => {
    writeStoryFolder(path.join(eventsDir, story.id), story);
    const databaseUrl = 'adminUrl' in postgres ? await freshPostgresDatabase(postgres.adminUrl, 'redisfaults') : undefined;
    cluster = await startLocalCluster({
      nodes: 3,
      databaseUrl,
      env: { SITREP_EVENTS_DIR: eventsDir, SITREP_MAX_GAP_MS: String(MAX_GAP_WALL_MS), SITREP_CONTROLS_PER_SECOND: '50' },
      nodeEnv: async (index, { redisUrl }): Promise<Record<string, string>> => {
        if (index !== 0) return {};
        const target = new URL(redisUrl);
        proxy = await startCuttableTcpProxy({ host: target.hostname, port: Number(target.port) });
        return { SITREP_REDIS_URL: `redis://127.0.0.1:${proxy.port}` };
      },
      onNodeLine: (node, line) => {
        if (/"level":"?(warn|error|fatal)|room’s clock/.test(line) && !line.includes('Socket closed unexpectedly')) nodeLines.push({ atMs: Date.now(), node, line: line.slice(0, 400) });
      },
    });
  }, TEST_TIMEOUT_MS);
  afterEach(() => {
    viewers?.close();
    viewers = undefined;
    for (const client of clients) client.close();
    clients = [];
  });
  afterAll(async () => {
    await cluster?.stop();
    await proxy?.close();
    rmSync(eventsDir, { recursive: true, force: true });
  });

  const linesSince = (atMs: number) => nodeLines.filter((entry) => entry.atMs >= atMs).map((entry) => `${entry.node}: ${entry.line}`);

  /** A fresh client's view of the room (through HAProxy): where every viewer must end. */
  const freshView = async (roomId: string) => {
    const fresh = await joinRoom(cluster.url, { room: roomId });
    clients.push(fresh);
    return fresh.snapshots[0];
  };

  it(
    'Redis crashed and back empty mid-replay: the nodes recover, a new log starts from the saved state, every viewer is told of the gap, the room plays to its end, health answers 200 throughout',
    async () => {
      const host = cluster.nodes[1];
      if (!host) throw new Error('three nodes expected');
      const room = await createRoom(host, story.id);
      const schedule = await fetchSchedule(cluster, story.id);
      const fleet = await CheckedViewers.open({ url: cluster.url, roomId: room.roomId, count: VIEWERS, storyEventIds: schedule.events.map((event) => event.id) });
      viewers = fleet;
      const presenter = await joinRoom(host.url, { room: room.roomId, presenterKey: room.presenterKey });
      clients.push(presenter);
      expect(await presenter.control({ type: 'play', commandId: 'play-1' })).toMatchObject({ ok: true });
      await fleet.waitFor(() => fleet.states().every((state) => (state?.released ?? 0) >= RELEASED_BEFORE_FAULT), `all past ${RELEASED_BEFORE_FAULT} events`, WAIT_MS);

      const health = sampleHealth(cluster.url);
      const epochBefore = fleet.states()[0]?.epoch;
      const releasedBefore = Math.max(...fleet.states().map((state) => state?.released ?? 0));
      // Redis crashes (SIGKILL, nothing kept) and stays away while the cluster says so a few times through HAProxy
      // (still answering 200), then comes back empty.
      const killedAtMs = Date.now();
      await cluster.redis.kill();
      for (let i = 0; i < DEGRADED_ANSWERS_WHILE_AWAY; i++) {
        expect(await health.next((sample) => sample.redis === 'unavailable', WAIT_MS)).toEqual({ status: 200, health: 'degraded', redis: 'unavailable' });
      }
      await cluster.redis.start();
      const restartedAtMs = Date.now();
      const redisAwayMs = restartedAtMs - killedAtMs;
      await fleet.waitFor(() => fleet.states().every((state) => state?.epoch !== epochBefore), 'all on a new log', WAIT_MS).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${linesSince(restartedAtMs).join('\n')}`);
      });
      const newLogAfterMs = Date.now() - restartedAtMs;
      const releasedAtNewLog = Math.min(...fleet.states().map((state) => state?.released ?? 0));
      await fleet.waitFor(() => fleet.states().every((state) => (state?.released ?? 0) >= releasedAtNewLog + 2), 'playing on in the new log', WAIT_MS);
      const playsOnAfterMs = Date.now() - restartedAtMs;
      console.log(
        `redis restart: away ${redisAwayMs} ms; every viewer on the new log after ${newLogAfterMs} ms (released ${releasedBefore} before, ${releasedAtNewLog} at the new log); playing on after ${playsOnAfterMs} ms (counted from its return)`,
      );
      expect(playsOnAfterMs).toBeLessThan(PLAYS_ON_WITHIN_MS);

      await fleet.waitFor(() => fleet.states().every((state) => state?.clock.status === 'ended'), 'at the end of the story', WAIT_MS);
      await health.stop();
      expect(fleet.violations()).toEqual([]);
      // The epoch changed under every viewer: each must have been told so by a snapshot marked as a gap.
      expect(fleet.toldOfGap).toBe(VIEWERS);
      const reference = await freshView(room.roomId);
      expect(reference?.released).toBe(STORY_EVENTS);
      for (const state of fleet.states()) {
        expect({ epoch: state?.epoch, seq: state?.seq, released: state?.released }).toEqual({ epoch: reference?.epoch, seq: reference?.seq, released: STORY_EVENTS });
      }
      const degraded = health.samples.filter((sample) => sample.health !== 'ok').length;
      console.log(`redis restart: ${fleet.toldOfGap} of ${VIEWERS} viewers told of a gap, ${fleet.reconnected} reconnected; /api/health sampled ${health.samples.length} times, ${degraded} degraded`);
      expect(health.samples.filter((sample) => sample.status !== 200)).toEqual([]);
      // Every node is back on Redis.
      for (const node of cluster.nodes) {
        const body = (await (await fetch(`${node.url}/api/health`)).json()) as { redis?: { state?: string } };
        expect(body.redis?.state, node.name).toBe('ok');
      }
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the owner cut off from Redis: another node takes over within 5 s, no seq ever has two contents on any node, the cut node’s screens catch up after the heal and a control through it reaches the new owner',
    async () => {
      const [cutNode, ...others] = cluster.nodes;
      if (!cutNode || others.length !== 2 || !proxy) throw new Error('three nodes expected, the first behind the proxy');
      const cut = proxy;
      // The first node really reaches Redis through the proxy (its client and its adapter's).
      expect(cut.open).toBeGreaterThan(0);
      // Made on the node to be cut off, which therefore runs the room's clock.
      const room = await createRoom(cutNode, story.id);
      const schedule = await fetchSchedule(cluster, story.id);
      const fleet = await CheckedViewers.open({ url: cluster.url, roomId: room.roomId, count: VIEWERS, storyEventIds: schedule.events.map((event) => event.id) });
      viewers = fleet;
      // Raw observers straight on each node (not through HAProxy): every numbered message they get is recorded.
      const observersOf = await Promise.all(cluster.nodes.map((node) => Promise.all([1, 2].map(() => joinRoom(node.url, { room: room.roomId, reconnect: true })))));
      const observers = observersOf.flat();
      clients.push(...observers);
      const [onCutNode, ...onOthers] = observersOf;
      if (!onCutNode) throw new Error('observers expected on every node');
      const elsewhere = onOthers.flat();
      const presenter = await joinRoom(cutNode.url, { room: room.roomId, presenterKey: room.presenterKey });
      clients.push(presenter);
      expect(await presenter.control({ type: 'play', commandId: 'play-1' })).toMatchObject({ ok: true });
      await fleet.waitFor(() => fleet.states().every((state) => (state?.released ?? 0) >= RELEASED_BEFORE_FAULT), `all past ${RELEASED_BEFORE_FAULT} events`, WAIT_MS);

      const seqOf = (client: ReplayClient) => client.seq ?? 0;
      const seqAtCut = Math.max(...observers.map(seqOf));
      const cutAtMs = Date.now();
      cut.cut();
      await Promise.all(elsewhere.map((observer) => observer.waitFor(() => seqOf(observer) > seqAtCut + 1, 'the room playing on elsewhere', WAIT_MS))).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${linesSince(cutAtMs).join('\n')}`);
      });
      const playsOnAfterMs = Date.now() - cutAtMs;
      const cutNodeSeqAtTakeover = onCutNode.map(seqOf);
      // Let it play on elsewhere a while: the cut node hears nothing of it.
      await Promise.all(elsewhere.map((observer) => observer.waitFor(() => seqOf(observer) >= seqAtCut + 12, 'the room playing on elsewhere', WAIT_MS)));
      const health = await fetch(`${cutNode.url}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { redis?: { state?: string } }).redis?.state).toBe('unavailable');
      expect(onCutNode.map(seqOf)).toEqual(cutNodeSeqAtTakeover);

      const seqAtHeal = Math.max(...elsewhere.map(seqOf));
      const healedAtMs = Date.now();
      cut.heal();
      await Promise.all(onCutNode.map((observer) => observer.waitFor(() => seqOf(observer) >= seqAtHeal, 'the cut node’s screens caught up', WAIT_MS)));
      const caughtUpAfterMs = Date.now() - healedAtMs;
      // The presenter stayed on the cut node: its control goes to the new owner (sent again while the room moves).
      const paused = await controlOnceAnswered(presenter, { type: 'pause', commandId: 'pause-after-heal' }, WAIT_MS);
      expect(paused, linesSince(cutAtMs).join('\n')).toMatchObject({ ok: true });
      // An answer of ok is a promise: the pause is in the room's log, and every screen gets it.
      await fleet.waitFor(() => fleet.states().every((state) => state?.clock.status === 'paused'), 'paused by the presenter', WAIT_MS).catch((error: unknown) => {
        throw new Error(`${String(error)} (the pause was answered ${JSON.stringify(paused)})\n${linesSince(cutAtMs).join('\n')}`);
      });
      expect(await controlOnceAnswered(presenter, { type: 'play', commandId: 'play-after-heal' }, WAIT_MS)).toMatchObject({ ok: true });
      await fleet.waitFor(() => fleet.states().every((state) => state?.clock.status === 'ended'), 'at the end of the story', WAIT_MS);

      expect(fleet.violations()).toEqual([]);
      const reference = await freshView(room.roomId);
      expect(reference?.released).toBe(STORY_EVENTS);
      for (const state of [...fleet.states(), ...observers.map((observer) => observer.room)]) {
        expect({ epoch: state?.epoch, seq: state?.seq, released: state?.released }).toEqual({ epoch: reference?.epoch, seq: reference?.seq, released: STORY_EVENTS });
      }
      // No room ever had two clocks: no seq was seen with two contents, on any node, and the log never changed epoch.
      const contentBySeq = new Map<number, string>();
      const forks: string[] = [];
      for (const message of observers.flatMap((observer) => observer.received)) {
        if (message.name === 'replay:snapshot') continue;
        const content = JSON.stringify([message.name, message.payload]);
        const earlier = contentBySeq.get(message.seq);
        if (earlier !== undefined && earlier !== content) forks.push(`seq ${message.seq}: ${earlier} and ${content}`);
        contentBySeq.set(message.seq, content);
      }
      expect(forks).toEqual([]);
      // …and between them the observers saw every message after the one they joined at.
      const joinedAtSeq = Math.min(...observers.map((observer) => observer.snapshots[0]?.seq ?? 0));
      const unseen = Array.from({ length: (reference?.seq ?? 0) - joinedAtSeq }, (_, i) => joinedAtSeq + 1 + i).filter((seq) => !contentBySeq.has(seq));
      expect(unseen).toEqual([]);
      expect(new Set(observers.flatMap((observer) => observer.snapshots.map((snapshot) => snapshot.epoch)))).toEqual(new Set([reference?.epoch]));

      // From the nodes' own logs (one machine, one clock): the cut owner stopped publishing (its lease's window closed)
      // before another node could take the lease.
      const roomLine = (node: (name: string) => boolean, text: string) =>
        nodeLines.find((entry) => entry.atMs >= cutAtMs && node(entry.node) && entry.line.includes(room.roomId) && entry.line.includes(text));
      const loggedMs = (entry: { line: string } | undefined) => Date.parse(/"time":"([^"]+)"/.exec(entry?.line ?? '')?.[1] ?? '');
      const stopped = roomLine((name) => name === cutNode.name, '"state":"unsure"');
      const takeover = roomLine((name) => name !== cutNode.name, 'This node runs the room’s clock');
      const stoppedBeforeTakeoverMs = loggedMs(takeover) - loggedMs(stopped);
      console.log(
        `partition: the cut owner stopped publishing ${loggedMs(stopped) - cutAtMs} ms after the cut, ${stoppedBeforeTakeoverMs} ms before ${takeover?.node ?? '?'} took the room over; the room played on elsewhere ${playsOnAfterMs} ms after the cut; the cut node's screens caught up ${caughtUpAfterMs} ms after the heal; ${fleet.toldOfGap} of ${VIEWERS} viewers told of a gap, ${fleet.reconnected} reconnected`,
      );
      expect(stoppedBeforeTakeoverMs).toBeGreaterThan(0);
      expect(playsOnAfterMs).toBeLessThan(PLAYS_ON_WITHIN_MS);
    },
    TEST_TIMEOUT_MS,
  );
});
