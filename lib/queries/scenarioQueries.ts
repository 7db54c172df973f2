import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ScenarioDetail, ScenarioList } from '../api/scenarioResources';
import { fetchJson } from './fetchJson';
import { queryKeys } from './queryKeys';

/** Story data never changes while the server runs. */
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
 * The story a room replays, at the version the room's snapshot names. The answer is checked against that version:
 * a server that now holds another version of the story says so instead of showing events the room does not replay.
 */
export const storyAtVersionQuery = (id: string, version: string) =>
  queryOptions({
    queryKey: queryKeys.storyVersion(id, version),
    queryFn: async ({ signal }) => {
      const detail = await fetchJson<ScenarioDetail>(`/api/scenarios/${encodeURIComponent(id)}`, { signal });
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
