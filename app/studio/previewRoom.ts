import type { QueryClient } from '@tanstack/react-query';
import type { ScenarioDetail } from '@/lib/api/scenarioResources';
import { summarizeStory } from '@/lib/events/catalog';
import type { Story } from '@/lib/events/checkStory';
import type { RoomReplayState } from '@/lib/realtime/client/connectionTypes';
import { queryKeys } from '@/lib/queries/queryKeys';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import { scheduleOf } from '@/lib/replay/schedule';

/** The studio's preview is a local room: never joined over the socket, its state written into the query cache. */
export const PREVIEW_ROOM_ID = 'studio-preview';

/**
 * Shows `story` in the preview room: the story at a version of its own (`storyVersion`), and a replay state paused
 * at the story's end with every event released — what the room screen's Timeline and ChartsPanel read.
 */
export function seedPreviewRoom(queryClient: QueryClient, story: Story | undefined, storyVersion: string): void {
  if (!story || story.events.length === 0) {
    queryClient.setQueryData<RoomReplayState | null>(queryKeys.replay(PREVIEW_ROOM_ID), null);
    return;
  }
  const detail: ScenarioDetail = { scenario: story.scenario, summary: summarizeStory(story), events: story.events, storyVersion };
  const schedule = scheduleOf(detail.events);
  queryClient.setQueryData(queryKeys.storyVersion(story.scenario.id, storyVersion), detail);
  const state: RoomReplayState = {
    roomId: PREVIEW_ROOM_ID,
    scenarioId: story.scenario.id,
    storyVersion,
    epoch: 'preview',
    serverOffsetMs: 0,
    seq: 0,
    clock: {
      status: 'paused',
      positionMs: schedule.endMs,
      wallMs: 0,
      storySecondsPerSecond: 1,
      maxGapWallMs: 0,
      loop: false,
      startMs: schedule.startMs,
      endMs: schedule.endMs,
    },
    released: detail.events.length,
    gap: false,
    presentation: INITIAL_PRESENTATION,
    change: 'snapshot',
  };
  queryClient.setQueryData(queryKeys.replay(PREVIEW_ROOM_ID), state);
}
