import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HAPROXY_BACKEND_NAME, renderHaproxyConfig, type HaproxyConfigInput } from '../../../lib/cluster/haproxyConfig';
import { startProcess, stopProcess, waitForPort, type ServiceProcess } from './childProcesses';
import { freePort, isPortFree } from './freePort';

/**
 * HAProxy needs about two file descriptors per connection and refuses to start when it cannot raise its limit that
 * far: 8,000 connections fit the 20,000 descriptors of a usual container, and hold the 5,000 screens of a benchmark.
 */
const LOCAL_MAX_CONNECTIONS = 8_000;
/** Where Debian puts haproxy; /usr/sbin is not on every user's PATH. */
const SBIN_DIRS = ['/usr/sbin', '/usr/local/sbin'];

export const HOW_TO_GET_HAPROXY = 'install HAProxy (Debian: apt-get install haproxy) or set SITREP_HAPROXY_BIN to its path';

/** The haproxy binary: SITREP_HAPROXY_BIN, else `haproxy` on PATH or in /usr/sbin; undefined when there is none. */
export function findHaproxyBin(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (env.SITREP_HAPROXY_BIN) return env.SITREP_HAPROXY_BIN;
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...SBIN_DIRS];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'haproxy');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function requireHaproxyBin(): string {
  const bin = findHaproxyBin();
  if (!bin) throw new Error(`HAProxy is not installed: ${HOW_TO_GET_HAPROXY}`);
  return bin;
}

/** Runs `haproxy -c -f <file>` on a configuration: whether HAProxy accepts it, and what it said. */
export async function checkHaproxyConfig(config: string): Promise<{ valid: boolean; output: string }> {
  const bin = requireHaproxyBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-haproxy-check-'));
  const file = path.join(dir, 'haproxy.cfg');
  writeFileSync(file, config);
  try {
    return await new Promise((resolve) => {
      execFile(bin, ['-c', '-f', file], (error, stdout, stderr) => resolve({ valid: error === null, output: `${stdout}${stderr}` }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One server of the backend as HAProxy's runtime API reports it: `UP`, `DOWN`, `UP 1/2` (going down), `MAINT`, … */
export interface HaproxyServerState {
  readonly name: string;
  readonly status: string;
}

/** Parses the CSV of `show stat`: the servers of `backend` (not its BACKEND summary line). */
export function serverStatesFromStat(csv: string, backend = HAPROXY_BACKEND_NAME): HaproxyServerState[] {
  const [header, ...rows] = csv.split('\n').filter((line) => line.trim() !== '');
  const columns = (header ?? '').replace(/^#\s*/, '').split(',');
  const at = (name: string) => columns.indexOf(name);
  return rows
    .map((row) => row.split(','))
    .filter((cells) => cells[at('pxname')] === backend && cells[at('svname')] !== 'BACKEND')
    .map((cells) => ({ name: cells[at('svname')] ?? '', status: cells[at('status')] ?? '' }));
}

/** Sends one command to HAProxy's runtime API on a unix socket and returns the whole answer. */
export function haproxyRuntimeCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.once('error', reject);
    socket.once('end', () => resolve(answer));
    socket.once('connect', () => socket.write(`${command}\n`));
  });
}

export interface LocalHaproxy {
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  readonly configPath: string;
  /** The nodes' states as HAProxy sees them now. */
  serverStates(): Promise<HaproxyServerState[]>;
  stop(): Promise<void>;
}

export type LocalHaproxyOptions = Omit<HaproxyConfigInput, 'frontendPort' | 'bindAddress' | 'statsSocketPath'> & { port?: number };

/**
 * Debian's haproxy in the foreground (`-db`) on a given or free loopback port, its configuration and runtime-API
 * socket in a temporary folder. Stopped by pid.
 */
export async function startLocalHaproxy(options: LocalHaproxyOptions): Promise<LocalHaproxy> {
  const bin = requireHaproxyBin();
  const { port: wantedPort, ...configOptions } = options;
  const port = wantedPort ?? (await freePort());
  // Something else on the port would answer the readiness probe while haproxy fails to bind it.
  if (!(await isPortFree(port))) throw new Error(`port ${port} is in use: HAProxy cannot listen there (choose another port)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-haproxy-'));
  const configPath = path.join(dir, 'haproxy.cfg');
  const statsSocketPath = path.join(dir, 'admin.sock');
  writeFileSync(configPath, renderHaproxyConfig({ maxConnections: LOCAL_MAX_CONNECTIONS, ...configOptions, frontendPort: port, bindAddress: '127.0.0.1', statsSocketPath }));
  const service: ServiceProcess = startProcess('haproxy', bin, ['-db', '-f', configPath], { cwd: dir });
  try {
    await waitForPort(service, port);
  } catch (error) {
    await stopProcess(service, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: service.child.pid,
    configPath,
    serverStates: async () => serverStatesFromStat(await haproxyRuntimeCommand(statsSocketPath, 'show stat')),
    async stop() {
      await stopProcess(service, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
