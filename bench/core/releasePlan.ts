/** When a replay releases each event, computed with lib/replay's schedule and time map (the server's own maths). */
import type { Story } from '@/lib/events/checkStory';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND } from '@/lib/replay/rates';
import { buildSchedule, releasedCountAt, type Schedule } from '@/lib/replay/schedule';
import { wallBetween, wallOffsetOf, type PlaybackRate } from '@/lib/replay/timeMap';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';

const RATE_SEARCH_STEPS = 60;

export interface PlannedRelease {
  /** Index in the schedule's release order. */
  index: number;
  eventId: string;
  /** Wall time from the play instant to this event's release. */
  offsetMs: number;
}

export async function loadStory(folder: string): Promise<{ story: Story; schedule: Schedule }> {
  const read = await readStoryFolder(folder);
  if (!read.ok) throw new Error(`story ${folder} refused: ${JSON.stringify(read.failure.problems.slice(0, 3))}`);
  return { story: read.story, schedule: buildSchedule(read.story.events) };
}

/** Every event a replay playing from `fromStoryMs` at `rate` has still to release, with its offset from the play instant. */
export function plannedReleases(schedule: Schedule, rate: PlaybackRate, fromStoryMs: number): PlannedRelease[] {
  const releases: PlannedRelease[] = [];
  for (let index = releasedCountAt(schedule, fromStoryMs); index < schedule.events.length; index++) {
    const anchorMs = schedule.anchorsMs[index] as number;
    releases.push({ index, eventId: (schedule.events[index] as { id: string }).id, offsetMs: wallBetween(schedule, rate, fromStoryMs, anchorMs) });
  }
  return releases;
}

/** The smallest rate (story seconds per second) for which `accepts` holds, by bisection on a log scale. */
function searchRate(accepts: (rate: number) => boolean): number {
  let low = Math.log(MIN_STORY_SECONDS_PER_SECOND);
  let high = Math.log(MAX_STORY_SECONDS_PER_SECOND);
  for (let step = 0; step < RATE_SEARCH_STEPS; step++) {
    const middle = (low + high) / 2;
    if (accepts(Math.exp(middle))) high = middle;
    else low = middle;
  }
  return Math.exp(high);
}

/** The rate at which a replay from the story's start releases `eventsPerSecond` on average over its first `overWallMs`. */
export function rateForEventsPerSecond(schedule: Schedule, eventsPerSecond: number, overWallMs: number, maxGapWallMs: number): number {
  const wanted = (eventsPerSecond * overWallMs) / 1_000;
  return searchRate((storySecondsPerSecond) => {
    const releases = plannedReleases(schedule, { storySecondsPerSecond, maxGapWallMs }, schedule.startMs);
    return releases.filter((release) => release.offsetMs < overWallMs).length >= wanted;
  });
}

/** The rate at which the whole story plays in `wallMs`. */
export function rateForStoryWall(schedule: Schedule, wallMs: number, maxGapWallMs: number): number {
  return searchRate((storySecondsPerSecond) => wallOffsetOf(schedule, { storySecondsPerSecond, maxGapWallMs }, schedule.endMs) <= wallMs);
}
