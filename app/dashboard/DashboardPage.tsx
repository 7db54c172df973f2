'use client';

import { Suspense } from 'react';
import { usePresenterKey } from '@/lib/realtime/client/presenterKey';
import { useReplaySubscription } from '@/lib/realtime/client/useReplaySubscription';
import { DashboardLayout } from './DashboardLayout';
import { RoomScreen } from '../roomScreen/RoomScreen';

function Subscription({ roomId, presenterKey }: { roomId: string; presenterKey: string | undefined }) {
  useReplaySubscription(roomId, presenterKey);
  return null;
}

export function DashboardPage({ roomId }: { roomId: string }) {
  const { read, key } = usePresenterKey();
  return (
    <Suspense>
      {read && <Subscription roomId={roomId} presenterKey={key} />}
      <RoomScreen roomId={roomId} presenterKey={key} screen="dashboard">
        <DashboardLayout />
      </RoomScreen>
    </Suspense>
  );
}
