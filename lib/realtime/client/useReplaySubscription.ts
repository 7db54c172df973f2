'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../queries/queryKeys';
import { registerConnection } from './connectionRegistry';
import { createSocket } from './createSocket';
import { ReplayConnection } from './replayConnection';

/**
 * The page's one subscription to a room: folds the stream into the query cache (replay state and connection info).
 * Components read those through query hooks; none of them touches the socket.
 */
export function useReplaySubscription(roomId: string, presenterKey?: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const connection = new ReplayConnection(
      roomId,
      presenterKey,
      (auth) => createSocket(auth),
      {
        state: (state) => queryClient.setQueryData(queryKeys.replay(roomId), state),
        info: (info) => queryClient.setQueryData(queryKeys.connection(roomId), info),
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
    };
  }, [roomId, presenterKey, queryClient]);
}
