import { type ConnectionInfo, type RoomReplayState } from '../realtime/client/connectionTypes';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchJson } from './fetchJson';
import { queryKeys } from './queryKeys';

export interface RoomInfo {
  roomId: string;
  scenarioId: string;
  viewers: number;
}

export const roomQuery = (roomId: string) =>
  queryOptions({
    queryKey: queryKeys.room(roomId),
    queryFn: ({ signal }) => fetchJson<RoomInfo>(`/api/rooms/${encodeURIComponent(roomId)}`, { signal }),
    staleTime: Infinity,
    retry: (count, error) => count < 2 && !(error instanceof Error && 'status' in error && error.status === 404),
  });

export function useRoomQuery(roomId: string) {
  return useQuery(roomQuery(roomId));
}

/**
 * Entries fed by the page, not fetched (the stream, the viewer's choices, the playhead ticker): no query function;
 * the page writes them with setQueryData.
 */
export function localEntryQuery<T>(queryKey: readonly unknown[]) {
  return queryOptions<T | null>({
    queryKey,
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export const replayStateQuery = (roomId: string) => localEntryQuery<RoomReplayState>(queryKeys.replay(roomId));
export const connectionQuery = (roomId: string) => localEntryQuery<ConnectionInfo>(queryKeys.connection(roomId));

export function useReplayStateQuery<T = RoomReplayState | null>(roomId: string, select?: (state: RoomReplayState | null) => T) {
  return useQuery({ ...replayStateQuery(roomId), select: select as ((data: RoomReplayState | null) => T) | undefined });
}

export function useConnectionQuery(roomId: string) {
  return useQuery(connectionQuery(roomId));
}
