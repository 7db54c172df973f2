/** Composition root: reads the configuration, starts Sitrep with the real clock, and stops it cleanly on a signal. */
import { serverConfigFromEnv } from './lib/server/config';
import { consoleLogger } from './lib/server/logger';
import { shutdownOnSignal } from './lib/server/shutdown';
import { startSitrep } from './lib/server/startSitrep';
import { createSystemClock } from './lib/server/systemClock';

const config = serverConfigFromEnv(process.env, process.argv.slice(2));
const sitrep = await startSitrep({ ...config, projectDir: process.cwd(), logger: consoleLogger, clock: createSystemClock() });

consoleLogger.info(`Sitrep ready on ${sitrep.url}${config.dev ? ' (development)' : ''}`);

const stop = shutdownOnSignal({
  close: () => sitrep.close(),
  logger: consoleLogger,
  exit: (code) => process.exit(code),
  setDeadline: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
});
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
