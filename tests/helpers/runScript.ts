import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './repoRoot';

const SCRIPT_TIMEOUT_MS = 60_000;

/** Runs `node --import tsx scripts/<script> ...args` from the repository root, with `env` added to the environment. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join('scripts', script), ...args],
      { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: SCRIPT_TIMEOUT_MS, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(new Error(`${script} did not finish: ${error.message}\n${stderr}`));
        else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}
