import { httpStatusForDeckFailure, type DeckResult } from '../decks/deckResult';
import { jsonError, jsonOk, type ApiErrorCode } from './jsonResponses';

const CODES = { not_found: 'not_found', conflict: 'conflict', invalid: 'bad_request' } as const satisfies Record<string, ApiErrorCode>;

/**
 * `{ deck }`, or the refusal with its status: 404 unknown room or moment, 409 version conflict (with the deck's
 * `currentVersion`), 400 invalid.
 */
export function deckResponse(result: DeckResult, successStatus = 200): Response {
  if (result.ok) return jsonOk({ deck: result.deck }, { status: successStatus });
  const extra = result.currentVersion === undefined ? undefined : { currentVersion: result.currentVersion };
  return jsonError(httpStatusForDeckFailure(result.code), CODES[result.code], result.message, { extra });
}

/** Edit options from an optional expected version. */
export function editOptions(expectedVersion: number | undefined): { expectedVersion?: number } {
  return expectedVersion === undefined ? {} : { expectedVersion };
}
