/**
 * Story folders for the benchmarks, written with the project's seeded generator (lib/synthetic) in the layout of
 * `npm run events:generate`.
 */
import path from 'node:path';
import { utcMidnight } from '@/lib/events/calendar';
import { writeStoryFolder as writeFolder } from '@/lib/storyFiles/writeStoryFolder';
import { generateStory, type SyntheticStory } from '@/lib/synthetic/generateStory';

const MS_PER_MINUTE = 60_000;
const PACED_START_MS = utcMidnight(2024, 1, 1);

/** Writes the story as a story folder `<parentDir>/<story id>` (lib/storyFiles/writeStoryFolder); returns the folder. */
export function writeStoryFolder(parentDir: string, story: SyntheticStory): string {
  const folder = path.join(parentDir, story.id);
  writeFolder(folder, story);
  return folder;
}

/** The generator's story as `npm run events:generate -- --events <events> --seed <seed>` writes it. */
export function generatedStory(events: number, seed: number): SyntheticStory {
  return generateStory({ events, seed });
}

function exactTimeAt(ms: number): Record<string, unknown> {
  const iso = new Date(ms).toISOString();
  const minute = iso.slice(11, 16);
  return { date: `${iso.slice(0, 16)}Z`, precision: 'exact', asWritten: `at ${minute} UTC` };
}

/**
 * The generator's events (same titles, actors, quotes, sizes) re-timed one minute apart at exact precision, so
 * that a replay releases them one at a time at an even pace. The generator's own dates put up to hundreds of
 * events on one release instant; a fan-out measurement at "about 10 events per second" needs an even stream.
 */
export function pacedStory(events: number, seed: number): SyntheticStory {
  const generated = generateStory({ events, seed });
  const id = `synthetic-paced-${events}-seed-${seed}`;
  return {
    ...generated,
    id,
    scenario: { ...generated.scenario, id, title: `Synthetic story, evenly paced: ${events} events (seed ${seed})` },
    events: generated.events.map((event, index) => ({ ...event, time: exactTimeAt(PACED_START_MS + index * MS_PER_MINUTE) })),
  };
}
