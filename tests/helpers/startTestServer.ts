import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '@/lib/replay/clock';
import { serverConfigFromEnv } from '@/lib/server/config';
import { createLogger } from '@/lib/server/logger';
import { startSitrep, type RunningSitrep } from '@/lib/server/startSitrep';
import { createSystemClock } from '@/lib/server/systemClock';
import { REPO_ROOT } from './repoRoot';

export { REPO_ROOT };

/** One line of the server's JSON log, as parsed: `message` is pino's `msg`, the other fields as logged. */
export interface LogEntry {
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  message: string;
  fields: Record<string, unknown>;
}

export interface TestServer extends RunningSitrep {
  /** The server's log, captured (not printed); at SITREP_LOG_LEVEL (info unless the test's env sets it). */
  logs: LogEntry[];
  /** The data folder of this server (a fresh temporary one unless SITREP_DATA_DIR was given). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Copies story folders (paths relative to the repo root) into a fresh events directory. */
export function makeEventsDir(folders: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-events-'));
  for (const folder of folders) cpSync(path.join(REPO_ROOT, folder), path.join(dir, path.basename(folder)), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServerOptions {
  eventsDir?: string;
  /** Environment variables, as the server would read them (SITREP_LIVE_RATE, SITREP_PRESENTER_KEY, ...). */
  env?: Record<string, string>;
  clock?: Clock;
}

/** The real server (Next.js production build + HTTP + Socket.IO) on a free port. Needs `next build` to have run. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const logs: LogEntry[] = [];
  const capture = {
    write(line: string) {
      const fields = JSON.parse(line) as Record<string, unknown>;
      logs.push({ level: fields.level as LogEntry['level'], message: String(fields.msg ?? ''), fields });
    },
  };
  const dataDir = options.env?.SITREP_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'sitrep-data-'));
  const config = serverConfigFromEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    SITREP_EVENTS_DIR: options.eventsDir ?? path.join(REPO_ROOT, 'events'),
    SITREP_DATA_DIR: dataDir,
    ...options.env,
  });
  const logger = createLogger({ level: config.logLevel, destination: capture });
  const running = await startSitrep({ ...config, projectDir: REPO_ROOT, logger, clock: options.clock ?? createSystemClock() });
  const ownsDataDir = options.env?.SITREP_DATA_DIR === undefined;
  return {
    ...running,
    logs,
    dataDir,
    async stop() {
      await running.close();
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
