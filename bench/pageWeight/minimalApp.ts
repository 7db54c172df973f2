/**
 * The baseline of the page-weight part: the smallest Next.js app (one page.tsx rendering "hello"), built in a temporary
 * folder with this repository's node_modules (a symlink, so the same Next.js, React and compiler) and served with
 * `next start`, in the same run as the measurement.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/lib/localServices/freePort';

const POLL_EVERY_MS = 5_000;
const MAX_WAIT_FOR_OTHER_BUILD_MS = 15 * 60 * 1_000;
const START_TIMEOUT_MS = 60_000;

const LAYOUT_TSX = `import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`;
const PAGE_TSX = `export default function Page() {
  return <p>hello</p>;
}
`;

/** The closest folder holding both paths: Turbopack resolves nothing outside its root, and node_modules is a symlink. */
function commonAncestor(a: string, b: string): string {
  const partsA = path.resolve(a).split(path.sep);
  const partsB = path.resolve(b).split(path.sep);
  let shared = 0;
  while (shared < partsA.length && partsA[shared] === partsB[shared]) shared++;
  return partsA.slice(0, shared).join(path.sep) || path.sep;
}

function nextBin(repoRoot: string): string {
  return path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
}

/** Writes the minimal app into `<workDir>/minimal-next-app`; returns its folder. */
export function writeMinimalApp(workDir: string, repoRoot: string): string {
  const dir = path.join(workDir, 'minimal-next-app');
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'minimal-next-app', private: true, type: 'module' }, null, 2)}\n`);
  const root = commonAncestor(dir, repoRoot);
  writeFileSync(path.join(dir, 'next.config.js'), `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`);
  writeFileSync(path.join(dir, 'app', 'layout.tsx'), LAYOUT_TSX);
  writeFileSync(path.join(dir, 'app', 'page.tsx'), PAGE_TSX);
  return dir;
}

function anotherBuildRunning(): boolean {
  return spawnSync('pgrep', ['-f', 'next build']).status === 0;
}

/** `next build` in `dir`, after waiting for any other `next build` on this machine (only one may run at a time). */
export async function buildMinimalApp(dir: string, repoRoot: string, log: (message: string) => void): Promise<void> {
  const waitUntil = Date.now() + MAX_WAIT_FOR_OTHER_BUILD_MS;
  while (anotherBuildRunning()) {
    if (Date.now() > waitUntil) throw new Error('another `next build` has been running for 15 minutes');
    log('pageWeight: waiting for another `next build` to finish…');
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
  const result = spawnSync(process.execPath, [nextBin(repoRoot), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`the minimal app did not build:\n${result.stdout}\n${result.stderr}`);
}

export interface MinimalServer {
  url: string;
  stop(): Promise<void>;
}

/** `next start` on a free port; resolves once it answers. */
export async function startMinimalApp(dir: string, repoRoot: string): Promise<MinimalServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin(repoRoot), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the minimal app did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
