/**
 * `npm run cluster`: a local Sitrep cluster — redis-server, PostgreSQL, three nodes, HAProxy on port 3000
 * (`--port` or CLUSTER_PORT to change it, `--nodes` for another count, `--logs` to see every log line).
 * Builds the app when needed, then runs the cluster (scripts/lib/cluster/runCluster.ts) in a process group of its
 * own, so that Ctrl-C does not reach every part at once: this process asks the cluster to stop, and it stops the
 * nodes first, then HAProxy, Redis and PostgreSQL.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from './lib/ensureBuild';

if (!ensureBuild()) process.exit(1);
const cluster = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lib', 'cluster', 'runCluster.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  detached: true,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => cluster.kill('SIGTERM'));
cluster.on('error', (error) => {
  console.error(`Could not start the cluster process: ${error.message}`);
  process.exit(1);
});
cluster.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
