import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchJson } from './fetchJson';
import { queryKeys } from './queryKeys';

/** A story's source text, as served by `GET /api/scenarios/:id/source`. */
export interface ScenarioSource {
  citation: string;
  /** The file name of the source inside the story folder. */
  file: string;
  /** The source text exactly as received: event quotes are offsets into it. */
  text: string;
}

export const scenarioSourceQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.scenarioSource(id),
    queryFn: ({ signal }) => fetchJson<ScenarioSource>(`/api/scenarios/${encodeURIComponent(id)}/source`, { signal }),
    // Story data never changes while the server runs.
    staleTime: Infinity,
  });

export function useScenarioSourceQuery(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...scenarioSourceQuery(id), enabled: (options.enabled ?? true) && id.length > 0 });
}
