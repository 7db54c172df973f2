/**
 * Inside a benchmark's server process: the real Sitrep server (Next.js production build, HTTP API, Socket.IO,
 * SQLite) started with startSitrep on a free port, with the temporary events and data folders the parent made.
 * Env: BENCH_REPO_ROOT, BENCH_EVENTS_DIR, BENCH_DATA_DIR.
 */
import { serverConfigFromEnv } from '@/lib/server/config';
import { createLogger } from '@/lib/server/logger';
import { startSitrep } from '@/lib/server/startSitrep';
import { createSystemClock } from '@/lib/server/systemClock';

/** The live room replays at real time (about one release a minute), so it adds next to no work while rooms are measured. */
const LIVE_ROOM_RATE = '1';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Starts the server; `settings` are more SITREP_* variables. Only warnings and errors are printed, prefixed by `name`. */
export function startBenchSitrep(name: string, settings: Record<string, string> = {}) {
  const logger = createLogger({ level: 'warn', destination: { write: (line) => process.stderr.write(`[${name}] ${line}`) } });
  const config = serverConfigFromEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    SITREP_EVENTS_DIR: requiredEnv('BENCH_EVENTS_DIR'),
    SITREP_DATA_DIR: requiredEnv('BENCH_DATA_DIR'),
    SITREP_LIVE_RATE: LIVE_ROOM_RATE,
    ...settings,
  });
  return startSitrep({ ...config, projectDir: requiredEnv('BENCH_REPO_ROOT'), logger, clock: createSystemClock() });
}
