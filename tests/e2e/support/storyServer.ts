import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers/repoRoot';
import { runScript } from '../../helpers/runScript';

const START_TIMEOUT_MS = 120_000;
const READY_LINE = /Sitrep ready on (http:\/\/[^\s"]+)/;

export interface StoryServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * An events folder with the article's story and a story written by `npm run events:generate` (`events` events,
 * `seed`), served by the real server (`node --import tsx server.ts`, the production build) in a process of its own on
 * a free port. The browser tests' shared server serves only the article's folder.
 */
export async function startStoryServer(generated: { events: number; seed: number }): Promise<StoryServer & { generatedId: string }> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'sitrep-charts-e2e-'));
  const eventsDir = path.join(workDir, 'events');
  cpSync(path.join(REPO_ROOT, 'events', '2025-04-putin-trump'), path.join(eventsDir, '2025-04-putin-trump'), { recursive: true });
  const generatedId = `synthetic-${generated.events}-seed-${generated.seed}`;
  const written = await runScript('events-generate.ts', ['--events', String(generated.events), '--seed', String(generated.seed), '--out', path.join(eventsDir, generatedId)]);
  if (written.code !== 0) throw new Error(`events:generate failed: ${written.stderr}`);
  try {
    const server = await startSitrepProcess({ SITREP_EVENTS_DIR: eventsDir, SITREP_DATA_DIR: path.join(workDir, 'data') });
    return { ...server, generatedId, stop: () => server.stop().finally(() => rmSync(workDir, { recursive: true, force: true })) };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The real server (`node --import tsx server.ts`, the production build) in a process of its own on a free port, with
 * the browser tests' settings and `env` over them.
 */
export async function startSitrepProcess(env: Record<string, string>): Promise<StoryServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      SITREP_ROOMS_PER_MINUTE: '10000',
      SITREP_CONTROLS_PER_SECOND: '50',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    return { url: await readyUrl(child), stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = READY_LINE.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url);
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
