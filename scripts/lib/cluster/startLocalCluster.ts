import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HaproxyHealthCheck } from '../../../lib/cluster/haproxyConfig';
import { freePort, isPortFree } from '../localServices/freePort';
import { startLocalHaproxy, type LocalHaproxy } from '../localServices/haproxyServer';
import { startLocalPostgres, type LocalPostgres } from '../localServices/postgresServer';
import { startLocalRedis, type LocalRedis } from '../localServices/redisServer';
import { startClusterNode, type ClusterNode } from './clusterNode';

/**
 * Checks fast enough that a dead node is out of rotation within about three seconds (a dead node refuses the check at
 * once), yet tolerant of a node slow to answer on a busy machine: with a 1 s timeout and two failures, nodes busy
 * serving thousands of screens were marked DOWN and every screen cut (the bench's cluster part, docs/performance.md).
 */
export const LOCAL_HEALTH_CHECK: HaproxyHealthCheck = { intervalMs: 1_000, fall: 3, rise: 1, timeoutMs: 2_000 };
/** 144 random bits, above the 128 the server demands of SITREP_PRESENTER_KEY. */
const PRESENTER_KEY_BYTES = 18;

export interface LocalClusterOptions {
  /** How many Sitrep nodes (3 unless told). */
  nodes?: number;
  /** HAProxy's port; a free one when absent. */
  port?: number;
  /** A PostgreSQL database for the nodes; a throwaway cluster with a `sitrep` database is started when absent. */
  databaseUrl?: string;
  healthCheck?: Partial<HaproxyHealthCheck>;
  /** More environment for every node (SITREP_EVENTS_DIR, SITREP_LIVE_RATE, …). */
  env?: Record<string, string>;
  /**
   * Environment for one node only (`index` from 0, in the order of `nodes`), over `env` and the shared settings: e.g.
   * its own SITREP_REDIS_URL through a proxy that a test can cut, so that this node alone loses Redis. Called once per
   * node after Redis has started, with its URL.
   */
  nodeEnv?(index: number, shared: { redisUrl: string }): Record<string, string> | Promise<Record<string, string>>;
  /** Where the nodes' logs go; a folder of the cluster's, removed by stop(), when absent. */
  logDir?: string;
  onNodeLine?(node: string, line: string): void;
  /** A node's process ended other than through stop(). */
  onNodeExit?(node: string, how: string): void;
}

export interface LocalCluster {
  /** HAProxy's URL: the one address browsers and clients use. */
  readonly url: string;
  readonly nodes: readonly ClusterNode[];
  readonly redis: LocalRedis;
  /** The PostgreSQL started for the cluster; undefined when `databaseUrl` was given. */
  readonly postgres: LocalPostgres | undefined;
  readonly databaseUrl: string;
  readonly haproxy: LocalHaproxy;
  /** The live room's presenter key, shared by every node. */
  readonly presenterKey: string;
  readonly logDir: string;
  /** Nodes first (SIGTERM: their clean shutdown), then HAProxy, Redis, PostgreSQL; removes the temporary folders. */
  stop(): Promise<void>;
}

/** The settings every node shares: one Redis, one database, one presenter key, and the origin browsers see. */
function sharedNodeEnv(options: { publicPort: number; redisUrl: string; databaseUrl: string; presenterKey: string }): Record<string, string> {
  const publicUrl = `http://localhost:${options.publicPort}`;
  return {
    HOST: '127.0.0.1',
    SITREP_REDIS_URL: options.redisUrl,
    SITREP_DATABASE_URL: options.databaseUrl,
    SITREP_PRESENTER_KEY: options.presenterKey,
    // Browsers reach the nodes through HAProxy: their Origin is HAProxy's, not the node's own.
    SITREP_PUBLIC_URL: publicUrl,
    SITREP_ALLOWED_ORIGINS: `${publicUrl},http://127.0.0.1:${options.publicPort}`,
  };
}

/**
 * A whole cluster on this machine: redis-server, PostgreSQL, `nodes` Sitrep nodes (each with its own data folder)
 * and HAProxy in front of them. Needs the Next.js build. Whatever started is stopped again if a later part fails.
 */
export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const nodeCount = options.nodes ?? 3;
  if (!Number.isInteger(nodeCount) || nodeCount < 1) throw new Error(`nodes: a whole number from 1, got ${nodeCount}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-cluster-'));
  const logDir = options.logDir ?? path.join(dir, 'logs');
  const started: Started = { nodes: [] };
  const stop = () => stopInOrder(started, dir);
  try {
    const publicPort = options.port ?? (await freePort());
    // Checked first, so that a port in use fails at once rather than after everything else has started.
    if (!(await isPortFree(publicPort))) throw new Error(`port ${publicPort} is in use: choose another one for HAProxy`);
    const redis = await startLocalRedis();
    started.redis = redis;
    if (options.databaseUrl === undefined) started.postgres = await startLocalPostgres();
    const databaseUrl = options.databaseUrl ?? (await started.postgres!.createDatabase('sitrep'));
    const presenterKey = options.env?.SITREP_PRESENTER_KEY ?? randomBytes(PRESENTER_KEY_BYTES).toString('base64url');
    const env = { ...options.env, ...sharedNodeEnv({ publicPort, redisUrl: redis.url, databaseUrl, presenterKey }) };

    const ports = await distinctFreePorts(nodeCount, publicPort);
    const outcomes = await Promise.allSettled(
      ports.map(async (port, i) => {
        const name = `node${i + 1}`;
        const dataDir = path.join(dir, `${name}-data`);
        const own = await options.nodeEnv?.(i, { redisUrl: redis.url });
        return startClusterNode({ name, port, env: { ...env, ...own }, logDir, dataDir, onLine: options.onNodeLine, onExit: options.onNodeExit });
      }),
    );
    for (const outcome of outcomes) if (outcome.status === 'fulfilled') started.nodes.push(outcome.value);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;

    started.haproxy = await startLocalHaproxy({
      port: publicPort,
      nodes: started.nodes.map((node) => ({ name: node.name, host: '127.0.0.1', port: node.port })),
      healthCheck: { ...LOCAL_HEALTH_CHECK, ...options.healthCheck },
    });
    const { postgres, haproxy, nodes } = started;
    return { url: haproxy.url, nodes: [...nodes], redis, postgres, databaseUrl, haproxy, presenterKey, logDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Started {
  nodes: ClusterNode[];
  redis?: LocalRedis;
  postgres?: LocalPostgres;
  haproxy?: LocalHaproxy;
}

/**
 * Nodes first, while HAProxy still carries their goodbye (`server:restarting`) to the screens; then HAProxy, Redis,
 * PostgreSQL. Each part is stopped at most once, even when stop() is called again.
 */
async function stopInOrder(started: Started, dir: string): Promise<void> {
  const nodes = started.nodes.splice(0);
  await Promise.all(nodes.map((node) => node.stop()));
  const { haproxy, redis, postgres } = started;
  Object.assign(started, { haproxy: undefined, redis: undefined, postgres: undefined });
  await haproxy?.stop();
  await redis?.stop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** `count` free ports, none equal to `taken` or to each other. */
async function distinctFreePorts(count: number, taken: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    const port = await freePort();
    if (port !== taken) ports.add(port);
  }
  return [...ports];
}
