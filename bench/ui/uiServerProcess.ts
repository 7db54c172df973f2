/**
 * Child process: the real Sitrep server (Next.js production build + HTTP API + Socket.IO), started with startSitrep
 * on a free port with a temporary events folder and data folder, for the browser benchmarks.
 * Env: BENCH_REPO_ROOT, BENCH_EVENTS_DIR, BENCH_DATA_DIR, BENCH_LIVE_SCENARIO.
 */
import { z } from 'zod';
import { serverConfigFromEnv } from '@/lib/server/config';
import type { Logger } from '@/lib/server/logger';
import { startSitrep } from '@/lib/server/startSitrep';
import { createSystemClock } from '@/lib/server/systemClock';
import { sendToParent, serveParent } from '../core/parentLink';

/** The live room replays at real time (about one release a minute), so it adds no work while the rooms are measured. */
const LIVE_ROOM_RATE = '1';
/** Presenter controls allowed per second: the seek measurement sends several in a row. */
const CONTROLS_PER_SECOND = '50';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const logger: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(`[ui server] ${message}`),
  error: (message, error) => console.error(`[ui server] ${message}`, error ?? ''),
};

const config = serverConfigFromEnv({
  PORT: '0',
  HOST: '127.0.0.1',
  SITREP_EVENTS_DIR: requiredEnv('BENCH_EVENTS_DIR'),
  SITREP_DATA_DIR: requiredEnv('BENCH_DATA_DIR'),
  SITREP_LIVE_SCENARIO: requiredEnv('BENCH_LIVE_SCENARIO'),
  SITREP_LIVE_RATE: LIVE_ROOM_RATE,
  SITREP_CONTROLS_PER_SECOND: CONTROLS_PER_SECOND,
});
const sitrep = await startSitrep({ ...config, projectDir: requiredEnv('BENCH_REPO_ROOT'), logger, clock: createSystemClock() });

serveParent(z.object({ type: z.literal('close') }), async () => {
  await sitrep.close();
  process.exit(0);
});
sendToParent({ type: 'ready', url: sitrep.url });
