'use client';

import { useConnectionInfo, useDisplayPositionMs, useScreen, type ScreenData } from '../roomScreen/useScreen';

export type WatchState = 'loading' | 'ready' | 'refused';

const watchAttributes = (data: ScreenData) => ({
  ready: data.view.ready,
  following: data.view.following,
  eventId: data.view.shown.selectedEventId,
  chart: data.view.shown.chart,
  blanked: data.view.blanked,
  momentId: data.replay?.presentation.momentId ?? null,
});

/** What the audience screen shows, as `data-*` attributes on its root (for tests and for styling). */
export function useWatchAttributes() {
  const { ready, following, eventId, chart, blanked, momentId } = useScreen(watchAttributes);
  const connection = useConnectionInfo();
  const displayPositionMs = useDisplayPositionMs();
  const state: WatchState = connection?.status === 'refused' ? 'refused' : ready ? 'ready' : 'loading';
  return {
    'data-state': state,
    'data-following': following,
    'data-current-event': eventId ?? '',
    'data-chart': chart ?? '',
    'data-blank': blanked,
    'data-moment-id': following ? (momentId ?? '') : '',
    'data-position-ms': displayPositionMs === null ? undefined : Math.round(displayPositionMs),
  };
}
