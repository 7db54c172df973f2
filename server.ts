/** Composition root: reads the configuration, starts Sitrep with the real clock, and stops it cleanly on a signal. */
import { serverConfigFromEnv } from './lib/server/config';
import { createLogger } from './lib/server/logger';
import { shutdownOnSignal } from './lib/server/shutdown';
import { startSitrep } from './lib/server/startSitrep';
import { createSystemClock } from './lib/server/systemClock';

const config = serverConfigFromEnv(process.env, process.argv.slice(2));
const logger = createLogger({ level: config.logLevel });
const sitrep = await startSitrep({ ...config, projectDir: process.cwd(), logger, clock: createSystemClock() }).catch((error: unknown) => {
  // A store that cannot be opened (or any other failed start) stops the server with one line saying why.
  logger.fatal({ err: error }, `Sitrep did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

if (sitrep.generatedLiveKey !== undefined) {
  // Deliberately outside the JSON log (which never carries a key): the operator's one way to learn a generated key.
  process.stdout.write(`PRESENTER KEY (not a log line) of the live room; set SITREP_PRESENTER_KEY to choose one: ${sitrep.generatedLiveKey}\n`);
}
// Last, so that whoever waits for this line finds the key line already printed.
logger.info({ url: sitrep.url, dev: config.dev }, `Sitrep ready on ${sitrep.url}${config.dev ? ' (development)' : ''}`);

const stop = shutdownOnSignal({
  close: () => sitrep.close(),
  logger,
  exit: (code) => process.exit(code),
  setDeadline: (callback, delayMs) => setTimeout(callback, delayMs).unref(),
});
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
