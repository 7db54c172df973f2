import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Deck, MomentInput, MomentPatch } from '../decks/deckSchema';
import { ApiError, fetchJson } from './fetchJson';
import { queryKeys } from './queryKeys';

const authorized = (presenterKey: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { authorization: `Bearer ${presenterKey}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
});

const deckUrl = (roomId: string, route = '') => `/api/rooms/${encodeURIComponent(roomId)}/deck${route}`;

/** The room's deck (notes included): only with the presenter key. */
export const deckQuery = (roomId: string, presenterKey: string) =>
  queryOptions({
    queryKey: queryKeys.deck(roomId),
    queryFn: async ({ signal }) => (await fetchJson<{ deck: Deck }>(deckUrl(roomId), authorized(presenterKey, { signal }))).deck,
    staleTime: Infinity,
  });

export function useDeckQuery(roomId: string, presenterKey: string | undefined) {
  return useQuery({ ...deckQuery(roomId, presenterKey ?? ''), enabled: presenterKey !== undefined });
}

export interface DeckEdits {
  addMoment(moment: MomentInput, atIndex?: number): Promise<Deck>;
  updateMoment(momentId: string, patch: MomentPatch): Promise<Deck>;
  deleteMoment(momentId: string): Promise<Deck>;
  reorder(momentIds: readonly string[]): Promise<Deck>;
  isPending: boolean;
  error: Error | null;
}

/**
 * Deck changes. Each sends the version it was made against; a conflict (someone else changed the deck) refetches
 * the deck and reports the error, so nothing is overwritten silently.
 */
export function useDeckEdits(roomId: string, presenterKey: string | undefined): DeckEdits {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (request: { route: string; method: string; body?: unknown }) => {
      if (!presenterKey) throw new ApiError(403, 'forbidden', 'only the presenter can change the deck');
      const init = authorized(presenterKey, { method: request.method, ...(request.body !== undefined && { body: JSON.stringify(request.body) }) });
      return (await fetchJson<{ deck: Deck }>(deckUrl(roomId, request.route), init)).deck;
    },
    onSuccess: (deck) => queryClient.setQueryData(queryKeys.deck(roomId), deck),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: queryKeys.deck(roomId) });
    },
  });
  const version = () => queryClient.getQueryData<Deck>(queryKeys.deck(roomId))?.version;
  const run = mutation.mutateAsync;
  return {
    addMoment: (moment, atIndex) =>
      run({ route: '/moments', method: 'POST', body: { moment, ...(atIndex !== undefined && { atIndex }), expectedVersion: version() } }),
    updateMoment: (momentId, patch) =>
      run({ route: `/moments/${encodeURIComponent(momentId)}`, method: 'PATCH', body: { patch, expectedVersion: version() } }),
    deleteMoment: (momentId) => {
      const expected = version();
      return run({ route: `/moments/${encodeURIComponent(momentId)}${expected === undefined ? '' : `?expectedVersion=${expected}`}`, method: 'DELETE' });
    },
    reorder: (momentIds) => run({ route: '/order', method: 'PUT', body: { momentIds, expectedVersion: version() } }),
    isPending: mutation.isPending,
    error: mutation.error,
  };
}
