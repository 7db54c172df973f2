/** Runs `task` `count` times with at most `limit` runs in flight at once; resolves when all have, rejects on the first failure. */
export async function runWithLimit(count: number, limit: number, task: () => Promise<void>): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}
