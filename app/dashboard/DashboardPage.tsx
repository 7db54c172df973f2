'use client';

import { Suspense } from 'react';
import { usePresenterKey } from '@/lib/realtime/client/presenterKey';
import { useReplaySubscription } from '@/lib/realtime/client/useReplaySubscription';
import { DashboardLayout } from './DashboardLayout';
import { DashboardProvider } from './DashboardContext';

function Subscription({ roomId, presenterKey }: { roomId: string; presenterKey: string | undefined }) {
  useReplaySubscription(roomId, presenterKey);
  return null;
}

export function DashboardPage({ roomId }: { roomId: string }) {
  const { read, key } = usePresenterKey();
  return (
    <Suspense>
      {read && <Subscription roomId={roomId} presenterKey={key} />}
      <DashboardProvider roomId={roomId} presenterKey={key}>
        <DashboardLayout />
      </DashboardProvider>
    </Suspense>
  );
}
