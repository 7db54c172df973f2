'use client';

import { useDashboard } from '../dashboard/DashboardContext';

export type WatchState = 'loading' | 'ready' | 'refused';

/** What the audience screen shows, as `data-*` attributes on its root (for tests and for styling). */
export function useWatchAttributes() {
  const { connection, replay, story, presentationMode, presentation, selectedEventId, chart, blanked, displayPositionMs } = useDashboard();
  const state: WatchState = connection?.status === 'refused' ? 'refused' : !replay || !story ? 'loading' : 'ready';
  const following = presentationMode === 'follow';
  return {
    'data-state': state,
    'data-following': following,
    'data-current-event': selectedEventId ?? '',
    'data-chart': chart ?? '',
    'data-blank': blanked,
    'data-moment-id': following ? (presentation?.momentId ?? '') : '',
    'data-position-ms': displayPositionMs === null ? undefined : Math.round(displayPositionMs),
  };
}
