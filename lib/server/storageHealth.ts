import type { SitrepStorage } from '../storage/openStorage';

/** How long the health check waits for the store before calling it unavailable. */
export const STORAGE_HEALTH_TIMEOUT_MS = 1_000;

export type StorageHealth = { engine: SitrepStorage['engine']; state: 'ok' } | { engine: SitrepStorage['engine']; state: 'unavailable'; reason: string };

/** Whether the store answers a trivial query within STORAGE_HEALTH_TIMEOUT_MS. */
export async function storageHealth(storage: Pick<SitrepStorage, 'engine' | 'ping'>): Promise<StorageHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${STORAGE_HEALTH_TIMEOUT_MS} ms`)), STORAGE_HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([storage.ping(), timeout]);
    return { engine: storage.engine, state: 'ok' };
  } catch (error) {
    return { engine: storage.engine, state: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
