/**
 * Smoke test of the local cluster (scripts/lib/cluster): two nodes behind HAProxy, on redis-server and PostgreSQL.
 * It needs nothing of the nodes but /api/health, so it holds whether or not they use Redis and PostgreSQL yet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STICKY_COOKIE_NAME } from '@/lib/cluster/haproxyConfig';
import { startLocalCluster, type LocalCluster } from '@/scripts/lib/cluster/startLocalCluster';
import { pollUntil } from '../helpers/pollUntil';
import { ReplayClient } from '../helpers/replayClient';
import { freshPostgresDatabase, testPostgres } from '../helpers/postgresDatabases';
import { clusterToolsMissing } from '../helpers/clusterTools';

const postgres = testPostgres();
const missing = clusterToolsMissing(postgres);
/** Two failed checks a second apart, and the time a check takes: HAProxy has marked a dead node DOWN well within this. */
const MARKED_DOWN_WITHIN_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** GET /api/health through HAProxy: the status, and the node HAProxy chose (the name in its stickiness cookie). */
async function healthThroughHaproxy(url: string): Promise<{ status: number; node: string | undefined }> {
  const response = await fetch(`${url}/api/health`);
  await response.arrayBuffer();
  const cookie = response.headers.get('set-cookie') ?? '';
  return { status: response.status, node: new RegExp(`${STICKY_COOKIE_NAME}=([^;]+)`).exec(cookie)?.[1] };
}

describe.skipIf(missing !== undefined)('a local cluster of two nodes behind HAProxy', () => {
  let cluster: LocalCluster | undefined;
  const states = async () => Object.fromEntries((await cluster!.haproxy.serverStates()).map((s) => [s.name, s.status]));

  beforeAll(async () => {
    const databaseUrl = await freshPostgresDatabase((postgres as { adminUrl: string }).adminUrl, 'cluster_start');
    cluster = await startLocalCluster({ nodes: 2, databaseUrl });
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('answers /api/health through HAProxy, from both nodes, both UP', async () => {
    await pollUntil(async () => Object.values(await states()).every((status) => status === 'UP'), 'both nodes UP in HAProxy');
    expect(await states()).toEqual({ node1: 'UP', node2: 'UP' });
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await healthThroughHaproxy(cluster!.url));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.node))).toEqual(new Set(['node1', 'node2']));
  });

  it('carries the WebSocket of a screen whose page came through HAProxy, and refuses a foreign origin', async () => {
    const port = new URL(cluster!.url).port;
    const foreign = new ReplayClient(cluster!.url, { extraHeaders: { origin: 'https://evil.example' } });
    expect((await foreign.waitForConnectError()).message).toBe('websocket error');
    foreign.close();
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`]) {
      const screen = new ReplayClient(cluster!.url, { extraHeaders: { origin } });
      expect(await screen.ready()).toMatchObject({ room: 'live', seq: expect.any(Number) });
      screen.close();
    }
  });

  it('keeps answering when a node is killed (-9), and HAProxy marks it DOWN', async () => {
    const [survivor, victim] = cluster!.nodes;
    await victim!.kill('SIGKILL');
    // Before the health checks notice, a request sent to the dead node is retried on the live one (option redispatch).
    for (let i = 0; i < 3; i += 1) expect(await healthThroughHaproxy(cluster!.url)).toEqual({ status: 200, node: survivor!.name });
    await pollUntil(async () => (await states())[victim!.name] === 'DOWN', `${victim!.name} DOWN in HAProxy`, MARKED_DOWN_WITHIN_MS);
    expect(await healthThroughHaproxy(cluster!.url)).toEqual({ status: 200, node: survivor!.name });
  });

  it('takes a node started again back into rotation', async () => {
    const victim = cluster!.nodes[1]!;
    await victim.start();
    await pollUntil(async () => (await states())[victim.name] === 'UP', `${victim.name} UP again`, MARKED_DOWN_WITHIN_MS);
  });

  it('stop() leaves no process behind', async () => {
    const running = cluster!;
    const pids = [...running.nodes.map((n) => n.pid), running.haproxy.pid, running.redis.pid].filter((pid) => pid !== undefined);
    expect(pids).toHaveLength(4);
    expect(pids.every(isAlive)).toBe(true);
    cluster = undefined;
    await running.stop();
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
