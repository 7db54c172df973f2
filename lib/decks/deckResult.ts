import type { z } from 'zod';
import { assertNever } from '../assertNever';
import { fieldPath } from '../events/problems';
import type { Deck } from './deckSchema';

export const DECK_FAILURE_CODES = ['not_found', 'conflict', 'invalid'] as const;
export type DeckFailureCode = (typeof DECK_FAILURE_CODES)[number];

/** `currentVersion` comes with a conflict: the version the deck is at now. */
export type DeckFailure = { ok: false; code: DeckFailureCode; message: string; currentVersion?: number };
/** The outcome of a deck change: the deck as it now is, or why nothing was written. */
export type DeckResult = { ok: true; deck: Deck } | DeckFailure;

export const deckFailure = (code: DeckFailureCode, message: string): DeckFailure => ({ ok: false, code, message });

/** `field: reason; ...` for every issue, so that a refusal names the fields at fault. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${fieldPath(issue.path) || 'value'}: ${issue.message}`).join('; ');
}

/** The HTTP status an API answers a refused deck change with. */
export function httpStatusForDeckFailure(code: DeckFailureCode): 400 | 404 | 409 {
  switch (code) {
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'invalid':
      return 400;
    default:
      return assertNever(code, 'deck failure code');
  }
}
