'use client';

import { Suspense, useEffect, useState } from 'react';
import { useReplaySubscription } from '@/lib/realtime/client/useReplaySubscription';
import { DashboardLayout } from './DashboardLayout';
import { DashboardProvider } from './DashboardContext';

/** The presenter key travels in the URL fragment (`#key=...`), which browsers never send to the server. */
function readPresenterKey(): string | undefined {
  const key = new URLSearchParams(window.location.hash.slice(1)).get('key');
  return key && key.length <= 256 ? key : undefined;
}

function Subscription({ roomId, presenterKey }: { roomId: string; presenterKey: string | undefined }) {
  useReplaySubscription(roomId, presenterKey);
  return null;
}

export function DashboardPage({ roomId }: { roomId: string }) {
  const [key, setKey] = useState<{ read: boolean; value?: string }>({ read: false });
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the fragment exists only in the browser
    setKey({ read: true, value: readPresenterKey() });
  }, []);
  return (
    <Suspense>
      {key.read && <Subscription roomId={roomId} presenterKey={key.value} />}
      <DashboardProvider roomId={roomId} presenterKey={key.value}>
        <DashboardLayout />
      </DashboardProvider>
    </Suspense>
  );
}
