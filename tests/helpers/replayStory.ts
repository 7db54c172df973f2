/**
 * Facts about tests/fixtures/stories/replay-small, the small story the replay tests run on, that they assert
 * exactly. Eight events: a quiet gap of over a year before the second (capped on the wall clock), a tie on 3 March
 * broken by the narrower period, an exact time half a day after a day, and two "on or before" ranges tied on the
 * publication day (broken by id). events.json lists them out of order: the story's order is the loader's.
 * tests/unit/replay/replayStory.test.ts checks these facts against the fixture as lib/replay reads it.
 */
export const STORY_ID = 'replay-small';
/** The story's folder, relative to the repository root (for makeEventsDir). */
export const STORY_FOLDER = `tests/fixtures/stories/${STORY_ID}`;

/** A day per second: the rate the tests replay at. */
export const DAY_PER_SECOND = 86_400;
/** No stretch between two releases takes longer than this on the wall clock (SITREP_MAX_GAP_MS). */
export const MAX_GAP_WALL_MS = 1_000;

/**
 * The events in release order, with their anchor and the wall offset of their release from the start at
 * DAY_PER_SECOND with stretches of MAX_GAP_WALL_MS at most.
 */
export const STORY_EVENTS = [
  { id: 'flood-plan-drawn-up', anchorMs: Date.UTC(2024, 0, 1), offsetMs: 0 }, // 2024 (a year): where the replay starts
  { id: 'council-meeting', anchorMs: Date.UTC(2025, 2, 3), offsetMs: 1_000 }, // 3 Mar 2025: 427 days, capped at 1 s
  { id: 'alerts-for-the-week', anchorMs: Date.UTC(2025, 2, 3), offsetMs: 1_000 }, // week of 3 Mar: after the day
  { id: 'river-rises', anchorMs: Date.UTC(2025, 2, 4), offsetMs: 2_000 }, // 4 Mar
  { id: 'levee-gives-way', anchorMs: Date.UTC(2025, 2, 4, 12), offsetMs: 2_500 }, // 4 Mar, 12:00 UTC: half a day
  { id: 'repairs-begin', anchorMs: Date.UTC(2025, 2, 10), offsetMs: 3_500 }, // 10 Mar: 5.5 days, capped
  { id: 'levee-to-be-raised', anchorMs: Date.UTC(2025, 2, 14), offsetMs: 4_500 }, // by 14 Mar
  { id: 'pumping-station-petition', anchorMs: Date.UTC(2025, 2, 14), offsetMs: 4_500 }, // by 14 Mar
] as const;

export const STORY_IDS: readonly string[] = STORY_EVENTS.map((e) => e.id);
/** The first event's anchor: where the replay starts. */
export const STORY_START_MS = Date.UTC(2024, 0, 1);
/** The end of the story's span (the end of 14 March): where the replay ends. */
export const STORY_END_MS = Date.UTC(2025, 2, 15);
/** Wall offset of the end from the start, at DAY_PER_SECOND with MAX_GAP_WALL_MS. */
export const END_OFFSET_MS = 5_500;

/** The first `n` event ids in release order. */
export const firstIds = (n: number): string[] => STORY_IDS.slice(0, n);

/** The anchor of an event of the story. */
export function anchorOf(id: (typeof STORY_EVENTS)[number]['id']): number {
  return (STORY_EVENTS.find((e) => e.id === id) as (typeof STORY_EVENTS)[number]).anchorMs;
}

/** An instant of the story as a seek target. */
export const isoAt = (storyMs: number): string => new Date(storyMs).toISOString();
