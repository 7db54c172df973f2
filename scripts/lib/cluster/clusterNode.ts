import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../../../bench/core/sitrepProcess';
import { signalPid, SERVICE_STOP_TIMEOUT_MS } from '../localServices/childProcesses';

/** The repository's root, where server.ts and the Next.js build are: every node runs from it. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** One Sitrep node of a local cluster: a real server process (`node --import tsx server.ts`) on a fixed port. */
export interface ClusterNode {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  /** Its own SITREP_DATA_DIR. */
  readonly dataDir: string;
  /** Where everything it prints goes, one line per log entry. */
  readonly logFile: string;
  /** The pid of the running process; undefined while it is down. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Sends `signal` (SIGKILL unless told) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port with the same settings; resolves once it is ready. */
  start(): Promise<void>;
  /** SIGTERM (its clean shutdown), SIGKILL if it has not exited in time; closes its log. */
  stop(): Promise<void>;
}

export interface ClusterNodeOptions {
  name: string;
  port: number;
  dataDir: string;
  logDir: string;
  /** Its environment on top of the operator's: the cluster's shared URLs and keys. */
  env: Record<string, string>;
  /** Every line it prints (the JSON log, and anything else), as it comes. */
  onLine?(node: string, line: string): void;
  /** Its process ended other than through stop(): killed, crashed. */
  onExit?(node: string, how: string): void;
}

/** Starts a node and resolves once it prints that it is ready. */
export async function startClusterNode(options: ClusterNodeOptions): Promise<ClusterNode> {
  const { name, port, dataDir } = options;
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${name}.log`);
  const log: WriteStream = createWriteStream(logFile, { flags: 'a' });
  let current: ServerProcess | undefined;
  let stopping = false;

  /**
   * startServerProcess collects the lines in `output` as they arrive (and keeps them); this listener, added after
   * its own, takes them out of it at once: they go to the log file and to onLine, and memory stays flat.
   */
  const relay = (server: ServerProcess) => {
    const drain = () => {
      for (const line of server.output.splice(0)) {
        log.write(`${line}\n`);
        options.onLine?.(name, line);
      }
    };
    drain();
    server.child.stdout?.on('data', drain);
    server.child.stderr?.on('data', drain);
    void server.exited.then(({ code, signal }) => {
      drain();
      if (current === server) current = undefined;
      if (!stopping) options.onExit?.(name, signal ?? `exit code ${String(code)}`);
    });
  };

  const start = async () => {
    if (current) throw new Error(`${name} is already running (pid ${String(current.child.pid)})`);
    stopping = false;
    const server = await startServerProcess(REPO_ROOT, port, { ...options.env, SITREP_DATA_DIR: dataDir });
    current = server;
    relay(server);
  };

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const server = current;
    if (!server) return;
    const timer = setTimeout(() => signalPid(server.child.pid, 'SIGKILL'), SERVICE_STOP_TIMEOUT_MS);
    signalPid(server.child.pid, signal);
    await server.exited;
    clearTimeout(timer);
  };

  try {
    await start();
  } catch (error) {
    log.end();
    throw error;
  }
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    logFile,
    get pid() {
      return current?.child.pid;
    },
    get running() {
      return current !== undefined;
    },
    kill,
    start,
    async stop() {
      stopping = true;
      await kill('SIGTERM');
      await new Promise((resolve) => log.end(resolve));
    },
  };
}
