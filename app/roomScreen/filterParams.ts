import { EVENT_TYPES, type EventType } from '@/lib/events/eventTypes';
import type { EventFilter } from '@/lib/replay/eventFilter';

/** Filters live in the URL (`?type=strike,meeting&actor=...`), so a reload or a shared link restores them. */
export const TYPE_PARAM = 'type';
export const ACTOR_PARAM = 'actor';

export function filterFromParams(params: URLSearchParams): EventFilter {
  const types = (params.get(TYPE_PARAM) ?? '')
    .split(',')
    .filter((t): t is EventType => (EVENT_TYPES as readonly string[]).includes(t));
  const actors = params.getAll(ACTOR_PARAM).filter((a) => a.length > 0 && a.length <= 120);
  return { types: [...new Set(types)], actors: [...new Set(actors)] };
}

export function filterToParams(filter: EventFilter, base: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  params.delete(TYPE_PARAM);
  params.delete(ACTOR_PARAM);
  if (filter.types.length > 0) params.set(TYPE_PARAM, filter.types.join(','));
  for (const actor of filter.actors) params.append(ACTOR_PARAM, actor);
  return params;
}
