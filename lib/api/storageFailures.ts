import { StoredRowError } from '../storage/storedRows';
import { jsonError } from './jsonResponses';

/** How long a client is asked to wait before trying again while the store is away. */
export const STORAGE_RETRY_AFTER_S = 1;

/**
 * The answer to a request the store could not serve: 503 `storage_unavailable` (with Retry-After) when the store did
 * not answer — nothing was written, the request may be sent again — or 500 when a stored row is corrupt.
 */
export function storageFailureResponse(error: unknown): Response {
  if (error instanceof StoredRowError) return jsonError(500, 'internal', `stored data is damaged: ${error.message}`);
  const reason = error instanceof Error ? error.message : String(error);
  return jsonError(503, 'storage_unavailable', `the store of rooms and decks did not answer (${reason}); nothing was changed, try again`, {
    headers: { 'retry-after': String(STORAGE_RETRY_AFTER_S) },
  });
}

/** The handler, answering a failure of the store as storageFailureResponse does instead of throwing. */
export function answeringStorageFailures<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return storageFailureResponse(error);
    }
  };
}
