import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { connect } from 'node:net';

/** How long a service gets to come up or to stop before it is given up on (or killed). */
export const SERVICE_START_TIMEOUT_MS = 30_000;
export const SERVICE_STOP_TIMEOUT_MS = 10_000;
const PROBE_EVERY_MS = 50;

/** A started process with the last lines it wrote, for error messages. */
export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly name: string;
  /** The last few kilobytes of its stdout and stderr. */
  output(): string;
  /** Resolves with the exit code (or signal) once it has exited. */
  readonly exited: Promise<string>;
}

const OUTPUT_KEPT_CHARS = 8_000;

export function startProcess(name: string, command: string, args: readonly string[], options: SpawnOptions = {}): ServiceProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? String(code)));
    child.once('error', (error) => resolve(`failed to start: ${error.message}`));
  });
  return { child, name, output: () => output, exited };
}

/** Resolves once `host:port` accepts a TCP connection; rejects when the process exits first or after the timeout. */
export async function waitForPort(service: ServiceProcess, port: number, host = '127.0.0.1'): Promise<void> {
  let exitedWith: string | undefined;
  void service.exited.then((how) => (exitedWith = how));
  const deadline = Date.now() + SERVICE_START_TIMEOUT_MS;
  for (;;) {
    if (exitedWith !== undefined) throw new Error(`${service.name} exited (${exitedWith}) before listening on ${host}:${port}:\n${service.output()}`);
    if (await accepts(host, port)) return;
    if (Date.now() > deadline) throw new Error(`${service.name} did not listen on ${host}:${port} within ${SERVICE_START_TIMEOUT_MS} ms:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Sends `signal` to `pid` (ignoring a process already gone). */
export function signalPid(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Asks the process to stop with `signal`, then SIGKILLs it if it has not exited within SERVICE_STOP_TIMEOUT_MS. */
export async function stopProcess(service: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM', pid = service.child.pid): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  signalPid(pid, signal);
  const timer = setTimeout(() => signalPid(pid, 'SIGKILL'), SERVICE_STOP_TIMEOUT_MS);
  await service.exited;
  clearTimeout(timer);
}
