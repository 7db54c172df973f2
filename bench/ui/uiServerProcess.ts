/**
 * Child process: the real Sitrep server (core/benchSitrep.ts) for the browser benchmarks, its live room on the
 * story named by BENCH_LIVE_SCENARIO.
 * Env: BENCH_REPO_ROOT, BENCH_EVENTS_DIR, BENCH_DATA_DIR, BENCH_LIVE_SCENARIO.
 */
import { z } from 'zod';
import { startBenchSitrep } from '../core/benchSitrep';
import { sendToParent, serveParent } from '../core/parentLink';

/** Presenter controls allowed per second: the seek measurement sends several in a row. */
const CONTROLS_PER_SECOND = '50';

const liveScenario = process.env.BENCH_LIVE_SCENARIO;
if (!liveScenario) throw new Error('BENCH_LIVE_SCENARIO is not set');
const sitrep = await startBenchSitrep('ui server', { SITREP_LIVE_SCENARIO: liveScenario, SITREP_CONTROLS_PER_SECOND: CONTROLS_PER_SECOND });

serveParent(z.object({ type: z.literal('close') }), async () => {
  await sitrep.close();
  process.exit(0);
});
sendToParent({ type: 'ready', url: sitrep.url });
