/** How often pollUntil asks again. */
const POLL_EVERY_MS = 100;

/**
 * Asks `check` again every POLL_EVERY_MS until it holds; rejects after `timeoutMs`. For state only the server holds
 * and that changes on the server's own schedule (a rescan of the events folder), with no event to wait on.
 */
export async function pollUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
  }
}
