/**
 * The real server serves the Next.js production build, and the browser benchmarks measure its pages: the bench
 * builds when the build is missing or older than the sources, as `npm start` does (scripts/lib/ensureBuild.ts).
 * Only one `next build` may run at a time on the machine: it first waits for any other to finish (it may be
 * rewriting .next).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from '../../scripts/lib/ensureBuild';

const POLL_EVERY_MS = 5_000;
const MAX_WAIT_MS = 15 * 60 * 1_000;

function anotherBuildRunning(): boolean {
  // A running build renames its process `next-build (vX)`; its launcher's command line says `next build`.
  return spawnSync('pgrep', ['-f', 'next[ -]build']).status === 0;
}

export async function ensureAppBuild(repoRoot: string, log: (message: string) => void): Promise<void> {
  const waitUntil = Date.now() + MAX_WAIT_MS;
  while (anotherBuildRunning()) {
    if (Date.now() > waitUntil) throw new Error('another `next build` has been running for 15 minutes');
    log('Waiting for another `next build` to finish…');
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
  if (!ensureBuild()) throw new Error('the Next.js build failed');
  log(`Next.js build in ${path.join(repoRoot, '.next')} is up to date`);
}
