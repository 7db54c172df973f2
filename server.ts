/** Composition root: reads the configuration, starts Sitrep with the real clock, and stops it cleanly on a signal. */
import { serverConfigFromEnv } from './lib/server/config';
import { consoleLogger } from './lib/server/logger';
import { startSitrep } from './lib/server/startSitrep';
import { createSystemClock } from './lib/server/systemClock';

const config = serverConfigFromEnv(process.env, process.argv.slice(2));
const sitrep = await startSitrep({ ...config, projectDir: process.cwd(), logger: consoleLogger, clock: createSystemClock() });

consoleLogger.info(`Sitrep ready on ${sitrep.url}${config.dev ? ' (development)' : ''}`);
if (!config.presenterKey) {
  consoleLogger.info(`Presenter key of the live room (set SITREP_PRESENTER_KEY to choose one): ${sitrep.livePresenterKey}`);
}

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
