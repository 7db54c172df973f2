import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ScenarioDetail, ScenarioList } from '../api/scenarioResources';
import { fetchJson } from './fetchJson';
import { queryKeys } from './queryKeys';

/** One version of a story never changes; a newer one has another version (and another cache entry). */
const STORY_STALE_TIME_MS = Infinity;

export const scenariosQuery = () =>
  queryOptions({
    queryKey: queryKeys.scenarios(),
    queryFn: ({ signal }) => fetchJson<ScenarioList>('/api/scenarios', { signal }),
    staleTime: STORY_STALE_TIME_MS,
  });

export const scenarioQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.scenario(id),
    queryFn: ({ signal }) => fetchJson<ScenarioDetail>(`/api/scenarios/${encodeURIComponent(id)}`, { signal }),
    staleTime: STORY_STALE_TIME_MS,
  });

/**
 * The story a room replays, at the version the room's snapshot names: asked for by version, since a room keeps the
 * version it started with after the story is saved again. The answer is checked against that version: a server that
 * no longer holds it says so instead of showing events the room does not replay.
 */
export const storyAtVersionQuery = (id: string, version: string) =>
  queryOptions({
    queryKey: queryKeys.storyVersion(id, version),
    queryFn: async ({ signal }) => {
      const url = `/api/scenarios/${encodeURIComponent(id)}?version=${encodeURIComponent(version)}`;
      const detail = await fetchJson<ScenarioDetail>(url, { signal });
      if (detail.storyVersion !== version) throw new Error(`the server now holds version ${detail.storyVersion} of story ${id}, not ${version}`);
      return detail;
    },
    staleTime: STORY_STALE_TIME_MS,
  });

/** The story of a room (`replay` is the room's state, null until its first snapshot). */
export function useRoomStoryQuery(replay: { scenarioId: string; storyVersion: string } | null) {
  return useQuery({ ...storyAtVersionQuery(replay?.scenarioId ?? '', replay?.storyVersion ?? ''), enabled: replay !== null });
}

export function useScenariosQuery() {
  return useQuery(scenariosQuery());
}

export function useScenarioQuery(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...scenarioQuery(id), enabled: options.enabled ?? true });
}
