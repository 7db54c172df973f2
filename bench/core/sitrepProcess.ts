import { spawn, type ChildProcess } from 'node:child_process';

/** Generous: the process compiles server.ts and prepares the Next.js build before it listens. */
export const SERVER_START_MS = 90_000;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed, stdout and stderr, line by line. */
  output: string[];
  /** Resolves when the process has exited, with the wall time (Date.now()) it exited at. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
}

/**
 * The real server process (`node --import tsx server.ts` in `repoRoot`, the production build), as an operator runs
 * it, on `port`. Resolves once it prints that it is ready. Needs `next build` to have run. Used by the integration
 * tests of a crash and a restart, and by the restart benchmark.
 */
export function startServerProcess(repoRoot: string, port: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() }));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${SERVER_START_MS} ms:\n${output.join('\n')}`));
    }, SERVER_START_MS);
    const onLine = (line: string) => {
      output.push(line);
      if (line.includes('Sitrep ready on')) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${port}`, child, output, exited });
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        lines.forEach(onLine);
      });
    }
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code ?? signal)}) before it was ready:\n${output.join('\n')}`));
    });
  });
}

/** Ends a server process if it still runs (test teardown). */
export async function stopServerProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
