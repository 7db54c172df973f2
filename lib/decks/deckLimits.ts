/**
 * The sizes a deck accepts, without the validation library: the browser needs these to limit its inputs;
 * lib/decks/deckSchema.ts validates with them on the server. The charts a moment can show: lib/charts/chartIds.
 */

export const MAX_MOMENTS_PER_DECK = 200;
export const MAX_FILTER_ACTORS = 50;
export const MAX_ACTOR_NAME_CHARS = 120;
export const MAX_NOTE_CHARS = 4_000;
export const MAX_TITLE_CHARS = 200;
export const MAX_MOMENT_ID_CHARS = 64;
export const MAX_ROOM_ID_CHARS = 128;
