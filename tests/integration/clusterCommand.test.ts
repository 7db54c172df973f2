/**
 * `npm run cluster` as an operator uses it: started from the repository, it brings up Redis, PostgreSQL, three nodes
 * and HAProxy on the port asked for, prints where everything is, and Ctrl-C (SIGINT to its process group, as a
 * terminal sends it) stops every part and exits 0.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@/scripts/lib/localServices/freePort';
import { clusterToolsMissing } from '../helpers/clusterTools';
import { pollUntil } from '../helpers/pollUntil';
import { testPostgres } from '../helpers/postgresDatabases';
import { REPO_ROOT } from '../helpers/repoRoot';

const UP_WITHIN_MS = 120_000;
const STOPPED_WITHIN_MS = 30_000;
const missing = clusterToolsMissing(testPostgres());

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

(missing ? describe.skip : describe)(`npm run cluster${missing ? ` — skipped: ${missing}` : ''}`, () => {
  let groupId: number | undefined;
  afterAll(() => {
    if (groupId !== undefined && isAlive(groupId)) process.kill(-groupId, 'SIGKILL');
  });

  it(
    'starts the whole cluster on the port asked for, says where everything is, and stops it all on Ctrl-C',
    async () => {
      const port = await freePort();
      // Its own process group, like a terminal's foreground job: Ctrl-C reaches the group.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cluster.ts', '--port', String(port)], {
        cwd: REPO_ROOT,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      groupId = child.pid;
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

      await pollUntil(async () => output.includes('Sitrep cluster is up'), 'the cluster to be up', UP_WITHIN_MS).catch((error: Error) => {
        throw new Error(`${error.message}\n${output}`);
      });
      await pollUntil(async () => /Presenter key of the live room/.test(output), 'the presenter key line', 10_000);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', storage: { engine: 'postgres', state: 'ok' }, redis: { state: 'ok' } });
      const pids = [...output.matchAll(/\bpid (\d+)/g)].map((match) => Number(match[1]));
      // Three nodes, HAProxy, Redis and PostgreSQL.
      expect(pids).toHaveLength(6);
      expect(pids.every(isAlive)).toBe(true);

      process.kill(-(child.pid as number), 'SIGINT');
      const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), STOPPED_WITHIN_MS))]);
      expect(code, output).toBe(0);
      await pollUntil(async () => !pids.some(isAlive), 'every part of the cluster to be gone', 10_000);
      expect(output).toContain('Stopped.');
    },
    UP_WITHIN_MS + STOPPED_WITHIN_MS + 30_000,
  );
});
