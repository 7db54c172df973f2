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

export function useScenariosQuery() {
  return useQuery(scenariosQuery());
}

export function useScenarioQuery(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...scenarioQuery(id), enabled: options.enabled ?? true });
}
