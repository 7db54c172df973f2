'use client';

import { type ChartId } from '@/lib/charts/chartIds';
import { useQueryClient } from '@tanstack/react-query';
import { startTransition, useMemo } from 'react';
import type { RoomReplayState } from '@/lib/realtime/client/connectionTypes';
import { useReplayControls, type ReplayControls } from '@/lib/realtime/client/useReplayControls';
import { queryKeys } from '@/lib/queries/queryKeys';
import type { EventFilter } from '@/lib/replay/eventFilter';
import { detachTarget } from '@/lib/screen/screenView';
import { applyViewerAction, initialViewerState, type StoryWindow, type ViewerAction, type ViewerState } from '@/lib/screen/viewerState';
import { useRoomIdentity } from './roomIdentity';

export interface ViewerActions {
  /** A presenter seeks the room; a viewer detaches to a private position (never past the room's playhead). */
  moveTo(storyMs: number): void;
  backToLive(): void;
  followPresenter(): void;
  selectEvent(eventId: string | null): void;
  setFilter(filter: EventFilter): void;
  selectChart(chart: ChartId): void;
  setScrubbing(scrubbing: boolean): void;
  /** The timeline's window (axis time of the story's scale), shared with the time charts. */
  setWindow(window: StoryWindow): void;
  /** A link opened: where to stand (null: the room's time) and which event to open. */
  openLink(positionMs: number | null, eventId: string | null): void;
  /** The room's presenter controls (they answer `forbidden` to anyone else). */
  controls: ReplayControls;
}

/** What a viewer can do on this screen: each action goes through lib/screen/viewerState into the query cache. */
export function useViewerActions(): ViewerActions {
  const { roomId, screen, isPresenter, followsPresenter } = useRoomIdentity();
  const queryClient = useQueryClient();
  const controls = useReplayControls(roomId);
  return useMemo(() => {
    const replay = () => queryClient.getQueryData<RoomReplayState | null>(queryKeys.replay(roomId)) ?? null;
    const dispatch = (action: ViewerAction): void => {
      queryClient.setQueryData<ViewerState | null>(queryKeys.viewer(roomId, screen), (state) =>
        applyViewerAction(state ?? initialViewerState(followsPresenter), action, replay()?.presentation ?? null),
      );
    };
    return {
      moveTo(storyMs) {
        const room = replay();
        if (!room) return;
        if (isPresenter) {
          void controls.seek(Math.min(room.clock.endMs, Math.max(room.clock.startMs, storyMs)));
          return;
        }
        const playheadMs = queryClient.getQueryData<number | null>(queryKeys.playhead(roomId)) ?? room.clock.positionMs;
        // The screen's content follows in a transition: a scrub stays smooth while a large story re-renders.
        startTransition(() => dispatch({ type: 'detach', positionMs: detachTarget(storyMs, room.clock, playheadMs) }));
      },
      backToLive: () => dispatch({ type: 'back-to-live' }),
      followPresenter: () => dispatch({ type: 'follow-presenter' }),
      selectEvent: (eventId) => dispatch({ type: 'select-event', eventId }),
      setFilter: (filter) => dispatch({ type: 'set-filter', filter }),
      selectChart: (chart) => dispatch({ type: 'select-chart', chart }),
      setScrubbing: (scrubbing) => dispatch({ type: 'scrub', scrubbing }),
      setWindow: (window) => dispatch({ type: 'set-window', window }),
      openLink: (positionMs, eventId) => dispatch({ type: 'open-link', positionMs, eventId }),
      controls,
    };
  }, [queryClient, roomId, screen, isPresenter, followsPresenter, controls]);
}
