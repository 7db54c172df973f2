'use client';

import { type ConnectionInfo, type RoomReplayState } from './connectionTypes';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../queries/queryKeys';
import { registerConnection } from './connectionRegistry';
import { createSocket } from './createSocket';
import { FrameBatcher } from './frameBatcher';
import { ReplayConnection } from './replayConnection';

/**
 * The page's one subscription to a room: folds the stream into the query cache (replay state and connection info).
 * Components read those through query hooks; none of them touches the socket.
 *
 * Released events reach the cache at most once per animation frame (the latest state; every message is folded as
 * it arrives), and so does the connection info; anything else (a snapshot, a clock or presentation change) goes at
 * once, with whatever was waiting, so that it is in the cache before the acknowledgement of the command that caused
 * it (the server sends the message first). It is written without structural sharing: the reducer already keeps every unchanged part, and the
 * connection hands back the event objects the page already has, so a deep comparison per message would only cost
 * time proportional to the whole story.
 */
export function useReplaySubscription(roomId: string, presenterKey?: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    queryClient.setQueryDefaults(queryKeys.replay(roomId), { structuralSharing: false });
    const updates = new FrameBatcher<{ state: RoomReplayState; info: ConnectionInfo }>(({ state, info }) => {
      if (state) queryClient.setQueryData(queryKeys.replay(roomId), state);
      if (info) queryClient.setQueryData(queryKeys.connection(roomId), info);
    });
    const connection = new ReplayConnection(
      roomId,
      presenterKey,
      (auth) => createSocket(auth),
      {
        state: (state) => {
          updates.push('state', state);
          if (state.change !== 'event') updates.flush();
        },
        info: (info) => updates.push('info', info),
        // The query cache tells its readers on a zero-delay timer: a command's answer waits for one more.
        settled: () => {
          updates.flush();
          return new Promise((resolve) => setTimeout(resolve, 0));
        },
      },
      () => Date.now(),
    );
    const unregister = registerConnection(roomId, connection);
    const offline = () => connection.setNetworkOnline(false);
    const online = () => connection.setNetworkOnline(true);
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      unregister();
      connection.close();
      updates.cancel();
    };
  }, [roomId, presenterKey, queryClient]);
}
