/** The child's side of BenchChild: typed commands in, plain messages out. */
import type { z } from 'zod';

export function sendToParent(message: object): void {
  if (!process.send) throw new Error('this script runs as a child of bench/run.ts');
  process.send(message);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Handles each command from the parent after validating it; a handler that throws answers `failed`. The child
 * exits when the parent goes away, so that no benchmark process outlives the runner.
 */
export function serveParent<S extends z.ZodType>(schema: S, handle: (command: z.infer<S>) => Promise<void> | void): void {
  process.on('message', (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      sendToParent({ type: 'failed', message: `unknown command ${JSON.stringify(raw)}` });
      return;
    }
    Promise.resolve()
      .then(() => handle(parsed.data))
      .catch((error: unknown) => sendToParent({ type: 'failed', message: describe(error) }));
  });
  process.on('disconnect', () => process.exit(0));
}

/** Resolves at the epoch instant `atMs` (Date.now() terms, shared by every process of the machine). */
export function untilEpoch(atMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, atMs - Date.now())));
}
