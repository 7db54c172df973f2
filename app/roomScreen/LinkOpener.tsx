'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { queryKeys } from '@/lib/queries/queryKeys';
import { firstOf } from '@/lib/screen/screenView';
import { resolveLinkedView, type LinkedView } from './viewParams';
import { useRoomIdentity } from './roomIdentity';
import { useRoomPlayheadMs, useScreen, type ScreenData } from './useScreen';
import { useViewerActions } from './useViewerActions';

const roomInputs = (data: ScreenData) => ({ schedule: data.schedule, released: data.view.releasedCount, startMs: data.replay?.clock.startMs, ready: data.view.ready });

/**
 * Opens the link the page was opened with (`?t=...&event=...&chart=...`) once the room's position is known — never
 * past what the room has released — and says so when the link was ahead of the room. A presenter's link does not
 * move the room: only its event and chart apply.
 */
export function LinkOpener({ link }: { link: LinkedView }): null {
  const { roomId, isPresenter } = useRoomIdentity();
  const queryClient = useQueryClient();
  const { openLink } = useViewerActions();
  const { schedule, released, startMs, ready } = useScreen(roomInputs);
  const playheadMs = useRoomPlayheadMs();
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !ready || !schedule || startMs === undefined || playheadMs === null) return;
    opened.current = true;
    const resolved = resolveLinkedView(isPresenter ? { ...link, atMs: null } : link, { playheadMs, startMs, released: firstOf(schedule.events, released) });
    if (resolved.aheadOfRoom) queryClient.setQueryData(queryKeys.linkNotice(roomId), resolved.aheadOfRoom);
    openLink(resolved.positionMs, resolved.eventId);
  }, [ready, schedule, released, startMs, playheadMs, link, isPresenter, openLink, queryClient, roomId]);
  return null;
}
