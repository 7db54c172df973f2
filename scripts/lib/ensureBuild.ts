/**
 * Keeps `.next` in step with the code: builds when the build is missing, broken or older than the sources.
 * A failed build is removed, so a later start never serves half a build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const BUILD_DIR = '.next';
const STAMP_FILE = path.join(BUILD_DIR, 'sitrep-build-stamp.json');
/** What the build is made from; story data under events/ is read at run time and is not part of it. */
const BUILD_INPUTS = ['app', 'lib', 'public', 'next.config.js', 'tsconfig.json', 'package-lock.json', 'postcss.config.js'];

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (statSync(entry).isFile()) return [entry];
  return readdirSync(entry, { withFileTypes: true })
    .flatMap((child) => listFiles(path.join(entry, child.name)))
    .sort();
}

function buildFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap(listFiles)) {
    hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function buildIsUsable(fingerprint: string): boolean {
  if (!existsSync(path.join(BUILD_DIR, 'BUILD_ID')) || !existsSync(STAMP_FILE)) return false;
  try {
    return (JSON.parse(readFileSync(STAMP_FILE, 'utf8')) as { fingerprint?: string }).fingerprint === fingerprint;
  } catch {
    return false;
  }
}

function build(fingerprint: string): boolean {
  console.log('Building the app (the build is missing or out of date)…');
  rmSync(BUILD_DIR, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    rmSync(BUILD_DIR, { recursive: true, force: true });
    console.error('The build failed and was removed. Fix the errors above and run the command again.');
    return false;
  }
  writeFileSync(STAMP_FILE, JSON.stringify({ fingerprint }, null, 2));
  return true;
}

/** Builds if needed. Returns false when a needed build failed. */
export function ensureBuild(): boolean {
  const fingerprint = buildFingerprint();
  if (buildIsUsable(fingerprint)) return true;
  return build(fingerprint);
}
