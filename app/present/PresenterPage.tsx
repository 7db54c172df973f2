'use client';

import { Suspense } from 'react';
import { usePresenterKey } from '@/lib/realtime/client/presenterKey';
import { useReplaySubscription } from '@/lib/realtime/client/useReplaySubscription';
import { RoomScreen } from '../roomScreen/RoomScreen';
import { PresenterRefusal } from './PresenterRefusal';
import { PresenterView } from './PresenterView';

function Subscription({ roomId, presenterKey }: { roomId: string; presenterKey: string }) {
  useReplaySubscription(roomId, presenterKey);
  return null;
}

/** /present/[roomId]#key=…: the presenter's screen; without a key, a message and no controls. */
export function PresenterPage({ roomId }: { roomId: string }) {
  const { read, key } = usePresenterKey();
  if (!read) {
    return (
      <main className="present" data-state="loading">
        <p className="present-stage-empty muted">Opening the briefing…</p>
      </main>
    );
  }
  if (!key) return <PresenterRefusal reason="missing-key" />;
  return (
    <Suspense>
      <Subscription roomId={roomId} presenterKey={key} />
      <RoomScreen roomId={roomId} presenterKey={key} screen="present">
        <PresenterView presenterKey={key} />
      </RoomScreen>
    </Suspense>
  );
}
