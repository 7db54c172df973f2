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

/** The source text of one version of a story (the one a room replays: a room keeps its version when the story is saved again). */
export const scenarioSourceQuery = (id: string, version: string) =>
  queryOptions({
    queryKey: queryKeys.scenarioSource(id, version),
    queryFn: ({ signal }) =>
      fetchJson<ScenarioSource>(`/api/scenarios/${encodeURIComponent(id)}/source?version=${encodeURIComponent(version)}`, { signal }),
    // One version of a story never changes.
    staleTime: Infinity,
  });

export function useScenarioSourceQuery(id: string, version: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...scenarioSourceQuery(id, version), enabled: (options.enabled ?? true) && id.length > 0 && version.length > 0 });
}
