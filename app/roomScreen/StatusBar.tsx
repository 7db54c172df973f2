'use client';

import { useEffect, useState } from 'react';
import { formatDay } from '@/lib/events/formatStoryDate';
import { rateLabel } from '@/lib/replay/rates';
import { useConnectionInfo, useRoomPlayheadMs, useScreen, type ScreenData } from './useScreen';

const STATUS_LABELS = {
  connecting: 'Connecting',
  live: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
  refused: 'Refused',
} as const;

function secondsSince(ms: number | null, now: number): string {
  if (ms === null) return 'no message yet';
  const s = Math.max(0, Math.round((now - ms) / 1000));
  return s < 2 ? 'just now' : `${s} s ago`;
}

const clockOf = (data: ScreenData) => data.replay?.clock;

/** Connection, the room's clock and the audience, at a glance. */
export function StatusBar() {
  const connection = useConnectionInfo();
  const clock = useScreen(clockOf);
  const roomPlayheadMs = useRoomPlayheadMs();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const status = connection?.status ?? 'connecting';
  return (
    <dl className="status-bar" aria-label="Status" data-connection={status}>
      <div>
        <dt>Connection</dt>
        <dd>
          <span className={`dot dot-${status}`} aria-hidden="true" />
          <span data-testid="connection-status" data-restarting={connection?.serverRestarting ? 'true' : undefined}>
            {STATUS_LABELS[status]}
            {connection?.serverRestarting && status !== 'live' ? ': server restarting' : ''}
          </span>
          <span className="muted"> · last message {secondsSince(connection?.lastMessageAtMs ?? null, now)}</span>
        </dd>
      </div>
      <div>
        <dt>Room clock</dt>
        <dd data-testid="room-clock" data-status={clock?.status ?? 'unknown'}>
          {clock && roomPlayheadMs !== null ? (
            <>
              {roomPlayheadMs >= clock.endMs ? `${formatDay(clock.endMs - 1)} (end)` : formatDay(roomPlayheadMs)} · {rateLabel(clock.storySecondsPerSecond)} ·{' '}
              {clock.status}
            </>
          ) : (
            '—'
          )}
        </dd>
      </div>
      <div>
        <dt>Viewers</dt>
        <dd data-testid="viewer-count">{connection?.viewers ?? '—'}</dd>
      </div>
    </dl>
  );
}
