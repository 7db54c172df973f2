/**
 * `npm test`: every check, in order — types, lint, story data, unit tests, build, integration tests, browser tests.
 * Runs them all (the build-dependent ones only when the build succeeds) and exits non-zero if any failed.
 */
import { spawnSync } from 'node:child_process';
import { ensureBuild } from './lib/ensureBuild';

type Step = { name: string; run: () => boolean; needsBuild?: boolean };

function command(cmd: string, args: string[]): () => boolean {
  return () => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } }).status === 0;
}

const bin = (name: string) => `node_modules/.bin/${name}`;
const steps: Step[] = [
  { name: 'typecheck', run: command(bin('tsc'), ['--noEmit']) },
  { name: 'lint', run: command(bin('eslint'), ['--max-warnings=0', '.']) },
  { name: 'story data', run: command(process.execPath, ['--import', 'tsx', 'scripts/events-check.ts']) },
  { name: 'unit tests', run: command(bin('vitest'), ['run', '--project', 'unit']) },
  { name: 'build', run: ensureBuild },
  { name: 'integration tests', run: command(bin('vitest'), ['run', '--project', 'integration']), needsBuild: true },
  { name: 'browser tests', run: command(bin('playwright'), ['test']), needsBuild: true },
];

const results: { name: string; outcome: 'passed' | 'FAILED' | 'skipped' }[] = [];
let built = true;
for (const step of steps) {
  if (step.needsBuild && !built) {
    results.push({ name: step.name, outcome: 'skipped' });
    continue;
  }
  console.log(`\n=== ${step.name} ===`);
  const ok = step.run();
  if (step.name === 'build') built = ok;
  results.push({ name: step.name, outcome: ok ? 'passed' : 'FAILED' });
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.outcome.padEnd(8)} ${r.name}`);
process.exitCode = results.some((r) => r.outcome !== 'passed') ? 1 : 0;
