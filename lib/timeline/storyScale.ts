import type { StoryEvent } from '../events/schema';
import { buildTimeScale, type TimeScale } from './compressedScale';
import { markOf } from './marks';

const scaleCache = new WeakMap<readonly StoryEvent[], TimeScale>();

/**
 * The time scale of a story's axis (compressedScale.ts): breaks where the story's events, as the timeline draws
 * them (a point at its instant, a span over its period), leave a long empty stretch. Built from every event of the
 * story, not from those released or filtered, so the axis does not move while the story plays. Memoised per
 * (immutable) events array, so the timeline and the charts given the same array share one scale object.
 */
export function storyTimeScale(events: readonly StoryEvent[]): TimeScale {
  let scale = scaleCache.get(events);
  if (!scale) {
    scale = buildTimeScale(events.map(markOf));
    scaleCache.set(events, scale);
  }
  return scale;
}
