/** Composition root: reads the configuration, starts Sitrep, and stops it cleanly on a signal. */
import { serverConfigFromEnv } from './lib/server/config';
import { consoleLogger } from './lib/server/logger';
import { startSitrep } from './lib/server/startSitrep';

const config = serverConfigFromEnv(process.env, process.argv.slice(2));

const sitrep = await startSitrep({
  ...config,
  projectDir: process.cwd(),
  logger: consoleLogger,
  nowMs: () => Date.now(),
});
consoleLogger.info(`Sitrep ready on ${sitrep.url}${config.dev ? ' (development)' : ''}`);

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  consoleLogger.info(`${signal}: stopping`);
  sitrep.close().then(
    () => process.exit(0),
    (error: unknown) => {
      consoleLogger.error('Shutdown failed', error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
