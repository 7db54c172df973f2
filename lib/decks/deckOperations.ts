import type { Moment, MomentPatch } from './deckSchema';

/** The moment with the patch applied; `null` clears `eventId` and `title`, absent fields are kept. */
export function applyMomentPatch(moment: Moment, patch: MomentPatch): Moment {
  const next: Moment = { ...moment };
  if (patch.storyMs !== undefined) next.storyMs = patch.storyMs;
  if (patch.eventId !== undefined) next.eventId = patch.eventId;
  if (patch.filter !== undefined) next.filter = { types: [...patch.filter.types], actors: [...patch.filter.actors] };
  if (patch.chart !== undefined) next.chart = patch.chart;
  if (patch.note !== undefined) next.note = patch.note;
  if (patch.title === null) delete next.title;
  else if (patch.title !== undefined) next.title = patch.title;
  return next;
}

/** `ids` with `id` moved so that it ends up at `toIndex`; undefined when `id` is absent or the index is out of range. */
export function moveMoment(ids: readonly string[], id: string, toIndex: number): string[] | undefined {
  const from = ids.indexOf(id);
  if (from === -1 || !Number.isInteger(toIndex) || toIndex < 0 || toIndex >= ids.length) return undefined;
  const rest = ids.filter((other) => other !== id);
  return [...rest.slice(0, toIndex), id, ...rest.slice(toIndex)];
}

/** Why `proposed` is not a reordering of `current` (duplicates, unknown or missing ids), or undefined when it is. */
export function permutationProblem(current: readonly string[], proposed: readonly string[]): string | undefined {
  const seen = new Set<string>();
  const duplicates = proposed.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (duplicates.length > 0) return `lists ${quoteIds(duplicates)} more than once`;
  const known = new Set(current);
  const unknown = proposed.filter((id) => !known.has(id));
  if (unknown.length > 0) return `lists ${quoteIds(unknown)}, not in the deck`;
  const missing = current.filter((id) => !seen.has(id));
  if (missing.length > 0) return `leaves out ${quoteIds(missing)}`;
  return undefined;
}

const QUOTED_IDS_SHOWN = 5;
function quoteIds(ids: readonly string[]): string {
  const shown = ids.slice(0, QUOTED_IDS_SHOWN).map((id) => `"${id}"`).join(', ');
  return ids.length > QUOTED_IDS_SHOWN ? `${shown} and ${ids.length - QUOTED_IDS_SHOWN} more` : shown;
}
