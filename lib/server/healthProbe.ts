/** How long a health check waits for a shared service (the store, Redis) before calling it unavailable. */
export const HEALTH_PROBE_TIMEOUT_MS = 1_000;

export type ProbeResult = { state: 'ok' } | { state: 'unavailable'; reason: string };

/** Whether `check` resolves within `timeoutMs`; its error (or the timeout) is the reason when it does not. */
export async function probe(check: () => Promise<unknown>, timeoutMs = HEALTH_PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { state: 'ok' };
  } catch (error) {
    return { state: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
