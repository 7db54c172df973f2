/**
 * Child process: the real Sitrep server (Next.js build + HTTP API + Socket.IO) started with startSitrep on a free
 * port, with a temporary events and data folder, plus the measurement probe.
 * Env: BENCH_REPO_ROOT, BENCH_EVENTS_DIR, BENCH_DATA_DIR.
 */
import { z } from 'zod';
import { serverConfigFromEnv } from '@/lib/server/config';
import type { Logger } from '@/lib/server/logger';
import { startSitrep } from '@/lib/server/startSitrep';
import { createSystemClock } from '@/lib/server/systemClock';
import { sendToParent, serveParent } from '../core/parentLink';
import { probeCommandSchema, ServerProbe } from './serverProbe';

/** The live room replays the same story at real time: one release a minute, so it adds no work the bare server lacks. */
const LIVE_ROOM_RATE = '1';

const commandSchema = z.union([probeCommandSchema, z.object({ type: z.literal('close') })]);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const logger: Logger = {
  info: () => undefined,
  warn: (message) => console.warn(`[sitrep server] ${message}`),
  error: (message, error) => console.error(`[sitrep server] ${message}`, error ?? ''),
};

const config = serverConfigFromEnv({
  PORT: '0',
  HOST: '127.0.0.1',
  SITREP_EVENTS_DIR: requiredEnv('BENCH_EVENTS_DIR'),
  SITREP_DATA_DIR: requiredEnv('BENCH_DATA_DIR'),
  SITREP_LIVE_RATE: LIVE_ROOM_RATE,
});
const sitrep = await startSitrep({ ...config, projectDir: requiredEnv('BENCH_REPO_ROOT'), logger, clock: createSystemClock() });
const probe = new ServerProbe();

serveParent(commandSchema, async (command) => {
  if (command.type !== 'close') {
    probe.handle(command);
    return;
  }
  await sitrep.close();
  process.exit(0);
});
sendToParent({ type: 'ready', url: sitrep.url });
