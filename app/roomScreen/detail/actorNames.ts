import type { StoryEvent } from '@/lib/events/schema';

/** The story's actor names, most events first (an actor counts once per event); ties in alphabetical order. */
export function actorNamesByEventCount(events: readonly Pick<StoryEvent, 'actors'>[]): string[] {
  const counts = new Map<string, number>();
  for (const event of events) {
    for (const name of new Set(event.actors.map((actor) => actor.name))) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .sort(([nameA, countA], [nameB, countB]) => countB - countA || nameA.localeCompare(nameB, 'en'))
    .map(([name]) => name);
}

/**
 * The names to list: selected names the story does not have (from a shared link) come first so they can be
 * unchecked; then the names that contain `query` (ignoring case). Selected names always stay listed.
 */
export function listedActorNames(names: readonly string[], selected: readonly string[], query: string): string[] {
  const needle = query.trim().toLocaleLowerCase('en');
  const all = [...selected.filter((name) => !names.includes(name)), ...names];
  if (needle.length === 0) return all;
  return all.filter((name) => selected.includes(name) || name.toLocaleLowerCase('en').includes(needle));
}
