import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '@/lib/server/logger';
import { startSitrep, type RunningSitrep } from '@/lib/server/startSitrep';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestServer extends RunningSitrep {
  logs: { level: 'info' | 'warn' | 'error'; message: string }[];
  stop(): Promise<void>;
}

/** Copies story folders (paths relative to the repo root) into a fresh events directory. */
export function makeEventsDir(folders: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-events-'));
  for (const folder of folders) cpSync(path.join(REPO_ROOT, folder), path.join(dir, path.basename(folder)), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real server (Next.js production build + HTTP) on a free port. Needs `next build` to have run. */
export async function startTestServer(options: { eventsDir?: string } = {}): Promise<TestServer> {
  const logs: TestServer['logs'] = [];
  const logger: Logger = {
    info: (message) => logs.push({ level: 'info', message }),
    warn: (message) => logs.push({ level: 'warn', message }),
    error: (message, error) => logs.push({ level: 'error', message: error ? `${message} ${String(error)}` : message }),
  };
  const running = await startSitrep({
    port: 0,
    host: '127.0.0.1',
    dev: false,
    eventsDir: options.eventsDir ?? path.join(REPO_ROOT, 'events'),
    projectDir: REPO_ROOT,
    logger,
    nowMs: () => Date.now(),
  });
  return { ...running, logs, stop: () => running.close() };
}
