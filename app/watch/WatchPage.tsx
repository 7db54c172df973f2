'use client';

import { Suspense } from 'react';
import { useReplaySubscription } from '@/lib/realtime/client/useReplaySubscription';
import { RoomScreen } from '../roomScreen/RoomScreen';
import { WatchLayout } from './WatchLayout';

/** A viewer's subscription: no presenter key, ever — not even one found in the URL. */
function AudienceSubscription({ roomId }: { roomId: string }) {
  useReplaySubscription(roomId, undefined);
  return null;
}

export function WatchPage({ roomId }: { roomId: string }) {
  return (
    <Suspense>
      <AudienceSubscription roomId={roomId} />
      <RoomScreen roomId={roomId} followsPresenter screen="watch">
        <WatchLayout />
      </RoomScreen>
    </Suspense>
  );
}
