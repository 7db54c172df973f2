/**
 * Child process: the real Sitrep server (core/benchSitrep.ts) plus the measurement probe.
 * Env: BENCH_REPO_ROOT, BENCH_EVENTS_DIR, BENCH_DATA_DIR; optional BENCH_SITREP_SETTINGS, a JSON object of more
 * SITREP_* settings.
 */
import { z } from 'zod';
import { startBenchSitrep } from '../core/benchSitrep';
import { sendToParent, serveParent } from '../core/parentLink';
import { probeCommandSchema, ServerProbe } from './serverProbe';

const commandSchema = z.union([probeCommandSchema, z.object({ type: z.literal('close') })]);

const settings = z.record(z.string(), z.string()).parse(JSON.parse(process.env.BENCH_SITREP_SETTINGS ?? '{}'));
const sitrep = await startBenchSitrep('sitrep server', settings);
const probe = new ServerProbe();

serveParent(commandSchema, async (command) => {
  if (command.type !== 'close') {
    probe.handle(command);
    return;
  }
  await sitrep.close();
  process.exit(0);
});
sendToParent({ type: 'ready', url: sitrep.url });
