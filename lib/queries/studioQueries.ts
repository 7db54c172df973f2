import { queryOptions, useQuery } from '@tanstack/react-query';
import type { StoryProblem } from '../events/problems';
import type { ScenarioDetail } from '../api/scenarioResources';
import { ApiError, fetchJson } from './fetchJson';
import type { ScenarioSource } from './scenarioSourceQueries';
import { queryKeys } from './queryKeys';

/** `GET /api/studio/stories/:id`: a story's files as stored, with its content version. */
export interface StudioStory {
  id: string;
  version: string;
  scenario: unknown;
  events: unknown;
  sourceText: string;
}

export const studioStoryQuery = (id: string) =>
  queryOptions({
    queryKey: queryKeys.studioStory(id),
    queryFn: ({ signal }) => loadStudioStory(id, signal),
    // The studio edits the stored files: it loads them once, and a save answers with the new version.
    staleTime: Infinity,
    retry: false,
  });

/**
 * The story's stored files from the studio API; where that API does not answer (404: a server without it), the
 * same story from the public story API (its events as served, which the studio's draft reads alike).
 */
async function loadStudioStory(id: string, signal: AbortSignal): Promise<StudioStory> {
  const path = encodeURIComponent(id);
  try {
    return await fetchJson<StudioStory>(`/api/studio/stories/${path}`, { signal });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  const [detail, source] = await Promise.all([
    fetchJson<ScenarioDetail>(`/api/scenarios/${path}`, { signal }),
    fetchJson<ScenarioSource>(`/api/scenarios/${path}/source`, { signal }),
  ]);
  return { id, version: detail.storyVersion, scenario: detail.scenario, events: detail.events, sourceText: source.text };
}

export function useStudioStoryQuery(id: string | undefined) {
  return useQuery({ ...studioStoryQuery(id ?? ''), enabled: id !== undefined });
}

export interface SaveStoryBody {
  /** The version the edits started from; null creates a new story. */
  baseVersion: string | null;
  scenario: unknown;
  events: unknown;
  sourceText: string;
}

export type SaveOutcome =
  | { kind: 'saved'; id: string; version: string }
  | { kind: 'conflict'; message: string; currentVersion: string | null }
  | { kind: 'invalid'; message: string; problems: StoryProblem[] }
  | { kind: 'unauthorized'; message: string }
  | { kind: 'failed'; message: string };

/** `PUT /api/studio/stories/:id`, the editor key sent only as `Authorization: Bearer`. */
export async function saveStudioStory(id: string, body: SaveStoryBody, editorKey: string): Promise<SaveOutcome> {
  let response: Response;
  try {
    response = await fetch(`/api/studio/stories/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'failed', message: 'The server could not be reached: your edits are kept here, try again.' };
  }
  const answer = (await response.json().catch(() => ({}))) as {
    id?: string;
    version?: string;
    error?: { code?: string; message?: string };
    currentVersion?: string;
    problems?: StoryProblem[];
  };
  const message = answer.error?.message ?? `${response.status} ${response.statusText}`;
  if (response.ok && answer.version) return { kind: 'saved', id: answer.id ?? id, version: answer.version };
  switch (response.status) {
    case 401:
    case 403:
      return { kind: 'unauthorized', message };
    case 409:
      return { kind: 'conflict', message, currentVersion: answer.currentVersion ?? null };
    case 422:
      return { kind: 'invalid', message, problems: answer.problems ?? [] };
    default:
      return { kind: 'failed', message };
  }
}
