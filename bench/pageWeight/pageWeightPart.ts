/**
 * Part "pageWeight": the JavaScript `/` (the live dashboard) loads before its load event, gzip-compressed, against
 * the smallest Next.js app built in the same run with the same node_modules; and whether recharts stays out of it.
 */
import type { BenchContext, BenchPart } from '../core/benchResult';
import { EXACTLY_ZERO, metric, ratioAtMost } from '../core/benchResult';
import { launchBrowser } from '../ui/benchBrowser';
import { startUiServer, storyIdFor, writeStories } from '../ui/uiServer';
import { buildMinimalApp, startMinimalApp, writeMinimalApp } from './minimalApp';
import { measureScriptWeight, type ScriptWeight } from './scriptWeight';

/** `/` may load at most this many times the JavaScript of a page that says "hello". */
const FIRST_LOAD_RATIO_LIMIT = 1.5;
const STORY_EVENTS = 1_000;
const BYTES_PER_KB = 1_024;

const kb = (bytes: number) => bytes / BYTES_PER_KB;

function describe(name: string, weight: ScriptWeight): string {
  const recharts = weight.rechartsBeforeLoad
    ? 'recharts among them'
    : weight.rechartsAfterLoadMs === null
      ? 'no recharts'
      : `recharts fetched ${weight.rechartsAfterLoadMs.toFixed(0)} ms after the load event`;
  return `${name}: ${weight.scripts} scripts before the load event, ${kb(weight.rawBytes).toFixed(0)} KB raw, ${kb(weight.gzipBytes).toFixed(1)} KB gzip; ${recharts}`;
}

export const pageWeightPart: BenchPart = {
  name: 'pageWeight',
  title: 'First Load JS of / (gzip) against a minimal Next.js page built in the same run',
  needsAppBuild: true,
  async run(context: BenchContext) {
    const appDir = writeMinimalApp(context.workDir, context.repoRoot);
    context.log('pageWeight: building the minimal Next.js app');
    const buildStarted = performance.now();
    await buildMinimalApp(appDir, context.repoRoot, context.log);
    const buildMs = performance.now() - buildStarted;
    const eventsDir = writeStories(context.workDir, [STORY_EVENTS]);
    const [minimal, sitrep] = await Promise.all([
      startMinimalApp(appDir, context.repoRoot),
      startUiServer(context.repoRoot, context.workDir, eventsDir, storyIdFor(STORY_EVENTS)),
    ]);
    const browser = await launchBrowser();
    let baseline: ScriptWeight;
    let dashboard: ScriptWeight;
    try {
      baseline = await measureScriptWeight(browser, minimal.url);
      dashboard = await measureScriptWeight(browser, `${sitrep.url}/`);
    } finally {
      await browser.close();
      await Promise.all([minimal.stop(), sitrep.stop()]);
    }
    return {
      part: 'pageWeight',
      title: pageWeightPart.title,
      metrics: [
        metric('/: First Load JS, gzip', 'KB', kb(dashboard.gzipBytes), kb(baseline.gzipBytes), ratioAtMost(FIRST_LOAD_RATIO_LIMIT)),
        metric('/: scripts before the load event', 'count', dashboard.scripts, baseline.scripts),
        metric('/: recharts before the load event', 'count', dashboard.rechartsBeforeLoad ? 1 : 0, null, EXACTLY_ZERO),
      ],
      notes: [
        describe('/', dashboard),
        describe('minimal page', baseline),
        `the minimal app (one page.tsx rendering "hello", this repository's node_modules) built in ${(buildMs / 1_000).toFixed(0)} s`,
      ],
    };
  },
};
