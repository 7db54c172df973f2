import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SERVICE_START_TIMEOUT_MS, signalPid, startProcess, stopProcess, waitForPort, type ServiceProcess } from './childProcesses';
import { freePort } from './freePort';

/** The superuser of a throwaway cluster; it trusts loopback connections, so no password is needed. */
export const LOCAL_POSTGRES_USER = 'sitrep';
/** PostgreSQL refuses to run as root: as root, the cluster runs as this system user (Debian's package makes it). */
const POSTGRES_SYSTEM_USER = 'postgres';
const POSTGRES_LIB_DIR = '/usr/lib/postgresql';

/** How to get a database for the tests, for messages where none is found. */
export const HOW_TO_GET_POSTGRES =
  'install PostgreSQL (Debian: apt-get install postgresql) so that the tests start a throwaway cluster themselves, ' +
  'or point SITREP_TEST_DATABASE_URL at an empty database you own (postgres://user:password@host:port/database)';

/** The folder of initdb and postgres: SITREP_POSTGRES_BIN, else Debian's newest /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (env.SITREP_POSTGRES_BIN) return env.SITREP_POSTGRES_BIN;
  if (!existsSync(POSTGRES_LIB_DIR)) return undefined;
  const versions = readdirSync(POSTGRES_LIB_DIR)
    .filter((name) => /^\d+$/.test(name) && existsSync(path.join(POSTGRES_LIB_DIR, name, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(POSTGRES_LIB_DIR, versions[0], 'bin');
}

export interface LocalPostgres {
  /** The URL of the cluster's `postgres` database (for administration). */
  readonly adminUrl: string;
  readonly port: number;
  /** The postmaster's pid (read from postmaster.pid: under root the child we started is runuser). */
  readonly pid: number | undefined;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Kills the postmaster without warning (SIGKILL): its connections drop; `start()` brings it back on the same port. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Fast shutdown (SIGINT), then removes the folder. */
  stop(): Promise<void>;
}

/** PostgreSQL's answer while it is still starting (or recovering): "the database system is starting up". */
const CANNOT_CONNECT_NOW = '57P03';
const QUERY_PROBE_EVERY_MS = 50;

/**
 * Resolves once the server answers a query. It listens before it accepts connections: until then every connection
 * is refused with CANNOT_CONNECT_NOW, which a caller that only waited for the port would get.
 */
async function waitUntilAcceptingQueries(url: string, service: ServiceProcess): Promise<void> {
  const deadline = Date.now() + SERVICE_START_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== CANNOT_CONNECT_NOW) throw error;
      if (Date.now() > deadline) throw new Error(`PostgreSQL was still starting up after ${SERVICE_START_TIMEOUT_MS} ms:\n${service.output()}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, QUERY_PROBE_EVERY_MS));
  }
}

function asSystemUser(command: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', POSTGRES_SYSTEM_USER, '--', command, ...args]] : [command, [...args]];
}

function systemUserIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', POSTGRES_SYSTEM_USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', POSTGRES_SYSTEM_USER], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * A throwaway PostgreSQL cluster: initdb in a temporary folder, the postmaster on a free loopback port (its socket in
 * the same folder), fsync off (it is thrown away; commits still survive the postmaster's death). Stopped by pid.
 */
export async function startLocalPostgres(options: { port?: number } = {}): Promise<LocalPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed: ${HOW_TO_GET_POSTGRES}`);
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-postgres-'));
  const dataDir = path.join(dir, 'data');
  if (process.getuid?.() === 0) {
    const { uid, gid } = systemUserIds();
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const [initCommand, initArgs] = asSystemUser(path.join(bin, 'initdb'), [
    '-D', dataDir, '-U', LOCAL_POSTGRES_USER, '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync',
  ]);
  try {
    execFileSync(initCommand, initArgs, { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`initdb failed in ${dataDir}: ${stderr || String(error)}`);
  }

  const adminUrl = `postgres://${LOCAL_POSTGRES_USER}@127.0.0.1:${port}/postgres`;
  let service: ServiceProcess | undefined;
  const postmasterPid = (): number | undefined => {
    try {
      const first = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
      return first ? Number(first) : undefined;
    } catch {
      return undefined;
    }
  };
  const start = async () => {
    const [command, args] = asSystemUser(path.join(bin, 'postgres'), [
      '-D', dataDir, '-p', String(port), '-k', dir,
      // fsync off: a killed postmaster still leaves every committed transaction in the OS cache (only a machine crash
      // would lose it). synchronous_commit stays on, so a commit is acknowledged only once its WAL is written.
      '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off',
      '-c', 'max_connections=200',
    ]);
    service = startProcess('postgres', command, args);
    await waitForPort(service, port);
    await waitUntilAcceptingQueries(adminUrl, service);
  };
  const stopWith = async (signal: NodeJS.Signals) => {
    if (!service) return;
    await stopProcess(service, signal, postmasterPid() ?? service.child.pid);
    // Under runuser the postmaster is a grandchild: make sure it is gone even if runuser went first.
    signalPid(postmasterPid(), 'SIGKILL');
  };
  try {
    await start();
  } catch (error) {
    await stopWith('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  return {
    adminUrl,
    port,
    get pid() {
      return postmasterPid();
    },
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name "${name}": lower-case letters, digits and _ only`);
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://${LOCAL_POSTGRES_USER}@127.0.0.1:${port}/${name}`;
    },
    kill: () => stopWith('SIGKILL'),
    start,
    async stop() {
      await stopWith('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
