'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ScenarioDetail } from '@/lib/api/scenarioResources';
import type { ConnectionInfo, RoomReplayState } from '@/lib/realtime/client/connectionTypes';
import { connectionQuery, replayStateQuery, useReplayStateQuery } from '@/lib/queries/roomQueries';
import { storyAtVersionQuery } from '@/lib/queries/scenarioQueries';
import { scheduleOf, type Schedule } from '@/lib/replay/schedule';
import { displayPositionMs, screenView, type ScreenView } from '@/lib/screen/screenView';
import { initialViewerState, sameApartFromWindow, type ViewerState } from '@/lib/screen/viewerState';
import { useRoomIdentity } from './roomIdentity';
import { linkNoticeQuery, playheadQuery, viewerQuery, type LinkNotice } from './screenQueries';

/** Everything a panel may select from: the derived view and the three things it is derived from. */
export interface ScreenData {
  view: ScreenView;
  story: ScenarioDetail | undefined;
  schedule: Schedule | undefined;
  replay: RoomReplayState | null;
  viewer: ViewerState;
}

/** The last derivation of each screen: every panel's hook asks for it, it is computed once per change. */
const lastByScreen = new Map<string, ScreenData>();

function screenDataOf(key: string, story: ScenarioDetail | undefined, replay: RoomReplayState | null, viewer: ViewerState): ScreenData {
  const last = lastByScreen.get(key);
  if (last && last.story === story && last.replay === replay && last.viewer === viewer) return last;
  const schedule = story ? scheduleOf(story.events) : undefined;
  // A pan or a zoom moves the viewer's window alone: the derivation (and every panel that selects from it) stays.
  const sameView = last && last.story === story && last.replay === replay && sameApartFromWindow(last.viewer, viewer);
  const view = sameView ? last.view : screenView({ story: schedule, replay, viewer });
  const data = { view, story, schedule, replay, viewer };
  lastByScreen.set(key, data);
  return data;
}

/** The story a room replays and its version, as one string: it changes only when the room's story changes. */
const storyRefOf = (state: RoomReplayState | null) => (state ? `${state.scenarioId}\n${state.storyVersion}` : '');

/**
 * What a panel shows of the room's screen: `select` picks from the derivation (lib/screen/screenView) and its
 * inputs; the panel re-renders only when what it picked changes. Pass a stable `select` (a module-level function,
 * or one wrapped in useCallback): it runs whenever the story, the room or the viewer's choices change.
 */
export function useScreen<T>(select: (data: ScreenData) => T): T {
  const { roomId, screen, followsPresenter } = useRoomIdentity();
  const storyRef = useReplayStateQuery(roomId, storyRefOf).data ?? '';
  const [scenarioId = '', version = ''] = storyRef.split('\n');
  const key = `${roomId}/${screen}`;
  const combine = useCallback(
    ([story, replay, viewer]: [{ data?: ScenarioDetail }, { data?: RoomReplayState | null }, { data?: ViewerState | null }]) =>
      select(screenDataOf(key, story.data, replay.data ?? null, viewer.data ?? initialViewerState(followsPresenter))),
    [select, key, followsPresenter],
  );
  return useQueries({
    queries: [
      { ...storyAtVersionQuery(scenarioId, version), enabled: storyRef !== '' },
      replayStateQuery(roomId),
      viewerQuery(roomId, screen),
    ],
    combine,
  });
}

/** The room's playhead (story time), updated a few times a second while it plays; null until known. */
export function useRoomPlayheadMs(): number | null {
  const { roomId } = useRoomIdentity();
  return useQuery(playheadQuery(roomId)).data ?? null;
}

const viewModeOf = (data: ScreenData) => data.view.view;

/** Where this screen stands in story time: the viewer's own position, or the room's playhead. */
export function useDisplayPositionMs(): number | null {
  return displayPositionMs(useScreen(viewModeOf), useRoomPlayheadMs());
}

/** Connection status, last message time and viewers of the room. */
export function useConnectionInfo(): ConnectionInfo | null {
  const { roomId } = useRoomIdentity();
  return useQuery(connectionQuery(roomId)).data ?? null;
}

/** What the page says about the link it was opened with, if anything. */
export function useLinkNotice(): LinkNotice | null {
  const { roomId } = useRoomIdentity();
  return useQuery(linkNoticeQuery(roomId)).data ?? null;
}
