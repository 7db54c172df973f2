import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, stopProcess, waitForPort, type ServiceProcess } from './childProcesses';
import { freePort } from './freePort';

export const REDIS_SERVER_BIN = process.env.SITREP_REDIS_SERVER_BIN || 'redis-server';

export interface LocalRedis {
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** Stops it (SIGTERM) and starts it again on the same port with empty memory, as after a crash without persistence. */
  restart(): Promise<void>;
  /** Kills it without warning (SIGKILL); `start()` brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A throwaway redis-server on a free loopback port, keeping nothing on disk, in its own temporary folder. */
export async function startLocalRedis(options: { port?: number } = {}): Promise<LocalRedis> {
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-redis-'));
  let service: ServiceProcess | undefined;
  const start = async () => {
    service = startProcess('redis-server', REDIS_SERVER_BIN, [
      '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no',
    ]);
    await waitForPort(service, port);
  };
  const stopCurrent = async (signal: NodeJS.Signals) => {
    if (service) await stopProcess(service, signal);
  };
  try {
    await start();
  } catch (error) {
    await stopCurrent('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || /ENOENT/.test(String(error))) {
      throw new Error(`redis-server is not installed (apt-get install redis-server, or set SITREP_REDIS_SERVER_BIN): ${String(error)}`);
    }
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return service?.child.pid;
    },
    async restart() {
      await stopCurrent('SIGTERM');
      await start();
    },
    kill: () => stopCurrent('SIGKILL'),
    start,
    async stop() {
      await stopCurrent('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
