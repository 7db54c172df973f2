/**
 * The event kinds and the id format, without the validation library: the browser needs these names, not the
 * schemas (lib/events/schema.ts validates with them on the server).
 */

/** Event kinds. The customer's three come first; the others are used where they fit better. */
export const EVENT_TYPES = ['strike', 'meeting', 'statement', 'proposal', 'claim', 'background'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Event and story ids: lowercase letters and digits joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_CHARS = 120;

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_CHARS && SLUG_PATTERN.test(value);
}
