/**
 * Child process: the real Sitrep server (core/benchSitrep.ts) plus the measurement probe.
 * Env: BENCH_REPO_ROOT, BENCH_EVENTS_DIR, BENCH_DATA_DIR.
 */
import { z } from 'zod';
import { startBenchSitrep } from '../core/benchSitrep';
import { sendToParent, serveParent } from '../core/parentLink';
import { probeCommandSchema, ServerProbe } from './serverProbe';

const commandSchema = z.union([probeCommandSchema, z.object({ type: z.literal('close') })]);

const sitrep = await startBenchSitrep('sitrep server');
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
