/**
 * The cluster of `npm run cluster`, in a process group of its own (scripts/cluster.ts starts it so): a Ctrl-C in the
 * terminal reaches only scripts/cluster.ts, which asks this process to stop, and this one stops the parts in order.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { needsAttention, readNodeLogLine } from './nodeLogLine';
import { startLocalCluster, type LocalCluster } from './startLocalCluster';

const DEFAULT_PORT = 3000;
const DEFAULT_NODES = 3;

function wholeNumber(raw: string | undefined, fallback: number, what: string, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${what}: a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '';
  return parsed.toString();
}

function printWhereEverythingIs(cluster: LocalCluster, port: number): void {
  const rows: [string, string][] = [
    ['open', `http://localhost:${port}  (HAProxy, pid ${String(cluster.haproxy.pid)})`],
    ...cluster.nodes.map((node): [string, string] => [node.name, `${node.url}  pid ${String(node.pid)}  data ${node.dataDir}`]),
    ['redis', `${cluster.redis.url}  pid ${String(cluster.redis.pid)}`],
    ['postgres', `${withoutPassword(cluster.databaseUrl)}${cluster.postgres ? `  pid ${String(cluster.postgres.pid)}` : ''}`],
    ['node logs', `${cluster.logDir}  (kept after the cluster stops)`],
  ];
  console.log('\nSitrep cluster is up:');
  for (const [name, value] of rows) console.log(`  ${name.padEnd(10)} ${value}`);
  console.log(`\nPresenter key of the live room (all nodes): ${cluster.presenterKey}`);
  console.log('Warnings and errors of the nodes are shown here (--logs for every line). Ctrl-C stops everything.\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, nodes: { type: 'string' }, logs: { type: 'boolean', default: false } } });
  const port = wholeNumber(values.port ?? process.env.CLUSTER_PORT, DEFAULT_PORT, '--port (or CLUSTER_PORT)', 1, 65_535);
  const nodes = wholeNumber(values.nodes, DEFAULT_NODES, '--nodes', 1, 16);
  const logDir = mkdtempSync(path.join(tmpdir(), 'sitrep-cluster-logs-'));

  /** A signal can come while the cluster is still starting: it is then stopped as soon as it has started. */
  const run: { cluster?: LocalCluster; stopping: boolean; stopAsked?: string } = { stopping: false };
  const stop = async (signal: string) => {
    run.stopAsked = signal;
    if (run.stopping || !run.cluster) return;
    run.stopping = true;
    console.log(`\n${signal}: stopping the nodes, then HAProxy, Redis and PostgreSQL…`);
    await run.cluster.stop();
    console.log(`Stopped. The node logs are in ${logDir}`);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

  console.log(`Starting redis-server, PostgreSQL, ${nodes} Sitrep nodes and HAProxy on port ${port}…`);
  const cluster = await startLocalCluster({
    nodes,
    port,
    logDir,
    onNodeLine: (node, raw) => {
      const line = readNodeLogLine(raw);
      if (values.logs || needsAttention(line)) console.log(`[${node}] ${line.text}`);
    },
    onNodeExit: (node, how) => {
      if (!run.stopping) console.log(`[${node}] EXITED (${how}): HAProxy takes it out of rotation; its screens reconnect to the other nodes.`);
    },
  });
  run.cluster = cluster;
  if (run.stopAsked) return stop(run.stopAsked);
  printWhereEverythingIs(cluster, port);
}

main().catch((error: unknown) => {
  console.error(`The cluster did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
