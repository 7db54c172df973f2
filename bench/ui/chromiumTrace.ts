/**
 * With BENCH_UI_TRACE_DIR set, the UI part records a Chromium trace (timeline and CPU profile samples) of each
 * story's viewer opening, seeks and live window, writes it there (open it in Chrome's performance panel), and adds
 * to the notes where the main thread's time went (traceSummary.ts). Tracing slows the page: the figures of a traced
 * run are not for comparison.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describeTraceSummary, meanSummary, summarizeTrace, type PagePhase } from './traceSummary';

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
  'blink.user_timing',
  'loading',
];

/** What a script of the build holds, told by a string only its code contains; the first match names it. */
const SCRIPT_MARKERS: readonly [label: string, marker: string][] = [
  ['recharts chunk (recharts, the chart panels and their series maths)', 'recharts-surface'],
  ['react-dom', '__reactContainer'],
  ['dashboard chunk (timeline, replay client, socket.io)', 'timeline-mark'],
  ['TanStack Query', 'QueryClient'],
  ['other app chunks (story dates, schedules, filters, pages)', 'Unvalidated story date'],
  ['other app chunks (story dates, schedules, filters, pages)', 'impossible date'],
  ['other app chunks (story dates, schedules, filters, pages)', 'presenterKey'],
];

export function traceDirFromEnv(): string | null {
  return process.env.BENCH_UI_TRACE_DIR || null;
}

/** Names each script of the app's build by its content (the file names are content hashes). */
export function scriptLabeler(repoRoot: string): (url: string) => string {
  const chunksDir = path.join(repoRoot, '.next', 'static', 'chunks');
  const labels = new Map<string, string>();
  if (existsSync(chunksDir)) {
    for (const file of readdirSync(chunksDir).filter((name) => name.endsWith('.js'))) {
      const text = readFileSync(path.join(chunksDir, file), 'utf8');
      labels.set(file, SCRIPT_MARKERS.find(([, marker]) => text.includes(marker))?.[0] ?? 'Next.js runtime and other libraries');
    }
  }
  return (url) => {
    if (url === '') return '(native or inline code)';
    const file = url.split('/').pop()?.split('?')[0] ?? url;
    return labels.get(file) ?? (url.includes('/_next/') ? 'Next.js runtime and other libraries' : 'bench probes and other scripts');
  };
}

/**
 * Stretches of a traced page's life to summarise apart (see traceSummary.ts); with `averagedAs`, summarised as
 * their mean under that label (e.g. one stretch per seek).
 */
export type TracePhases = { phases: readonly PagePhase[]; averagedAs?: string } | null;

/** A mark the page makes at the end of each traced step, to tie its clock to the trace's. */
const CLOCK_MARK = 'sitrep-bench-clock';

export interface Tracer {
  /**
   * Runs `step` traced into `<dir>/<name>.json` and returns its result with the trace's summary (null when not
   * tracing); `phasesOf` names stretches of a page load to summarise apart.
   */
  trace<T>(browser: Browser, page: Page, name: string, step: () => Promise<T>, phasesOf?: (result: T) => TracePhases): Promise<{ result: T; summary: string | null }>;
}

export function tracer(dir: string | null, labelOf: (url: string) => string): Tracer {
  return {
    async trace(browser, page, name, step, phasesOf) {
      if (dir === null) return { result: await step(), summary: null };
      mkdirSync(dir, { recursive: true });
      await browser.startTracing(page, { screenshots: false, categories: TRACE_CATEGORIES });
      const outcome = await step().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const atPageMs = outcome.ok ? await page.evaluate(`performance.mark('${CLOCK_MARK}').startTime`).catch(() => null) : null;
      const buffer = await browser.stopTracing();
      writeFileSync(path.join(dir, `${name}.json`), buffer);
      if (!outcome.ok) throw outcome.error;
      const result = outcome.value;
      const wanted = phasesOf?.(result) ?? null;
      const clock = typeof atPageMs === 'number' ? { name: CLOCK_MARK, atPageMs } : null;
      const summary = summarizeTrace(JSON.parse(buffer.toString('utf8')), labelOf, wanted && clock && { clock, phases: wanted.phases });
      if (!summary) return { result, summary: 'no renderer main thread in the trace' };
      const mean = wanted?.averagedAs === undefined ? null : meanSummary(summary.phases.map((phase) => phase.summary));
      const phases =
        wanted?.averagedAs !== undefined
          ? mean === null
            ? []
            : [`${wanted.averagedAs}: ${describeTraceSummary(mean)}`]
          : summary.phases.map((phase) => `${phase.label}: ${describeTraceSummary(phase.summary)}`);
      return { result, summary: [describeTraceSummary(summary.whole), ...phases].join(' | ') };
    },
  };
}
