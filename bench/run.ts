/**
 * `npm run bench [-- --only <part>[,<part>]] [-- --quick]`: runs the benchmark parts in order, prints one Markdown
 * table of Sitrep's figures against baselines measured in the same run, and writes bench/results/latest.json.
 * A part is a module returning the common result shape (core/benchResult.ts); add new parts to PARTS.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { accuracyPart } from './accuracy/accuracyPart';
import { clusterPart } from './cluster/clusterPart';
import { ensureAppBuild } from './core/appBuild';
import type { BenchContext, BenchPart, BenchPartResult } from './core/benchResult';
import { machineInfo } from './core/machine';
import { loadAverageOneMinute } from './core/machineLoad';
import { markdownTable, notesText } from './core/markdownTable';
import { fanoutPart } from './fanout/fanoutPart';
import { pageWeightPart } from './pageWeight/pageWeightPart';
import { restartPart } from './restart/restartPart';
import { scrubPart } from './scrub/scrubPart';
import { stepPart } from './step/stepPart';
import { uiPart } from './ui/uiPart';

const PARTS: readonly BenchPart[] = [fanoutPart, accuracyPart, uiPart, pageWeightPart, scrubPart, stepPart, restartPart, clusterPart];
const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS_FILE = path.join(REPO_ROOT, 'bench', 'results', 'latest.json');
/** Above this 1-minute load average other work is competing for the cores, and the figures will say so. */
const BUSY_LOAD_AVERAGE = 1;

function selectedParts(only: string | undefined): BenchPart[] {
  if (only === undefined) return [...PARTS];
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !PARTS.some((part) => part.name === name));
  if (unknown.length > 0) throw new Error(`unknown part(s) ${unknown.join(', ')}; parts: ${PARTS.map((p) => p.name).join(', ')}`);
  return PARTS.filter((part) => names.includes(part.name));
}

const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const parts = selectedParts(values.only);
const startedAt = new Date();
const log = (message: string) => console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1_000).toFixed(0).padStart(4)} s] ${message}`);
process.chdir(REPO_ROOT);
const loadAverageAtStart = loadAverageOneMinute();
if (loadAverageAtStart > BUSY_LOAD_AVERAGE) {
  log(`Load average ${loadAverageAtStart.toFixed(1)}: other work is running on this machine; expect noisy figures.`);
}

if (parts.some((part) => part.needsAppBuild)) await ensureAppBuild(REPO_ROOT, log);
const workDir = mkdtempSync(path.join(tmpdir(), 'sitrep-bench-'));
const context: BenchContext = { repoRoot: REPO_ROOT, workDir, quick: values.quick, log };
const results: BenchPartResult[] = [];
try {
  for (const part of parts) {
    log(`${part.name}: ${part.title}`);
    const partStart = performance.now();
    try {
      const result = await part.run(context);
      results.push({ ...result, wallMs: performance.now() - partStart });
    } catch (error) {
      // A part that fails is reported as such; the others still run.
      log(`${part.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const reason = error instanceof Error ? error.message : String(error);
      results.push({ part: part.name, title: part.title, metrics: [], notes: [`FAILED: ${reason}`], wallMs: performance.now() - partStart });
    }
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const finishedAt = new Date();
const machine = machineInfo();
const totalWallMs = finishedAt.getTime() - startedAt.getTime();
mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
writeFileSync(
  RESULTS_FILE,
  `${JSON.stringify(
    { startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), totalWallMs, quick: values.quick, machine, loadAverageAtStart, parts: results },
    null,
    2,
  )}\n`,
);

console.log(`\n## Sitrep benchmarks${values.quick ? ' (QUICK run: shortened, not for comparison)' : ''}\n`);
console.log(
  `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${startedAt.toISOString()}, ` +
    `load average ${loadAverageAtStart.toFixed(1)} at start\n`,
);
console.log(markdownTable(results));
console.log(`\n${notesText(results)}\n`);
console.log(`Total ${(totalWallMs / 60_000).toFixed(1)} min; results in ${path.relative(REPO_ROOT, RESULTS_FILE)}`);
const missed = results.flatMap((r) => r.metrics).filter((m) => m.pass === false).length;
if (missed > 0) console.log(`${missed} target(s) missed.`);
const failed = results.filter((r) => r.notes.some((note) => note.startsWith('FAILED')));
process.exit(failed.length > 0 ? 1 : 0);
