import { storyKeyOf, windowOfStory } from '@/lib/screen/viewerState';
import type { ScreenData } from './useScreen';

/**
 * Selectors shared by several panels (module-level, so their identity is stable: see useScreen). A panel that needs
 * a combination of its own defines it beside itself.
 */
export const selectStory = (data: ScreenData) => data.story;
export const selectSchedule = (data: ScreenData) => data.schedule;
export const selectClock = (data: ScreenData) => data.replay?.clock;
export const selectPlaying = (data: ScreenData) => data.replay?.clock.status === 'playing';
export const selectShown = (data: ScreenData) => data.view.shown;

/** The screen's time window (the timeline's, axis time of the story's scale) if it belongs to the room's story. */
export const selectWindow = (data: ScreenData) =>
  data.replay ? windowOfStory(data.viewer, storyKeyOf(data.replay.scenarioId, data.replay.storyVersion)) : null;
