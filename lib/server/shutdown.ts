import type { Logger } from './logger';

/** However the shutdown goes, the process exits within this: a supervisor restarting it waits no longer. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface ShutdownOptions {
  close(): Promise<void>;
  logger: Logger;
  exit(code: number): void;
  /** Arms the hard deadline; returns nothing the caller needs (the process is ending). */
  setDeadline(callback: () => void, delayMs: number): void;
}

/**
 * The shutdown on SIGTERM or SIGINT: one clean close (`RunningSitrep.close`), and a hard deadline that exits anyway
 * if the close hangs. A second signal while stopping changes nothing.
 */
export function shutdownOnSignal(options: ShutdownOptions): (signal: string) => void {
  let stopping = false;
  return (signal) => {
    if (stopping) return;
    stopping = true;
    options.logger.info(`${signal}: stopping (exits within ${SHUTDOWN_DEADLINE_MS / 1_000} s)`);
    options.setDeadline(() => {
      options.logger.error(`Shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms: exiting anyway`);
      options.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    options.close().then(
      () => options.exit(0),
      (error: unknown) => {
        options.logger.error({ err: error }, 'Shutdown failed');
        options.exit(1);
      },
    );
  };
}
