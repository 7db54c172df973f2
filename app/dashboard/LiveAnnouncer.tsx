'use client';

import { useMemo } from 'react';
import { useDashboard } from './DashboardContext';
import { useLiveAnnouncement } from './detail/useLiveAnnouncement';

/**
 * Politely announces events released while the screen follows live ("New strike: …"), at most one announcement
 * every two seconds. The initial batch, seeks and snapshots are not announced.
 */
export function LiveAnnouncer() {
  const { replay, visibleEvents, filteredEvents, view } = useDashboard();
  const seq = replay?.seq;
  const following = view.mode === 'live';
  const observation = useMemo(
    () => (seq === undefined ? null : { events: visibleEvents, seq, following }),
    [visibleEvents, seq, following],
  );
  const message = useLiveAnnouncement(observation, filteredEvents);
  return (
    <div className="visually-hidden announcer" aria-live="polite" aria-atomic="true" data-testid="live-announcer">
      {message}
    </div>
  );
}
