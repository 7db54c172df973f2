/** The real Sitrep server for the browser benchmarks, in its own process, serving the synthetic stories. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BenchChild } from '../core/benchChild';
import { generatedStory, writeStoryFolder } from '../stories/syntheticStories';

/** Loading and checking a 100,000-event story takes a while on a small machine. */
const SERVER_START_TIMEOUT_MS = 180_000;
const STORY_SEED = 1;

const readySchema = z.object({ type: z.literal('ready'), url: z.string() });

export interface UiServer {
  url: string;
  stop(): Promise<void>;
}

/** The story id `npm run events:generate -- --events <count> --seed 1` writes. */
export function storyIdFor(eventCount: number): string {
  return `synthetic-${eventCount}-seed-${STORY_SEED}`;
}

/** Writes the generator's stories (seed 1) into the events folder `folderName` under `workDir`; returns the folder. */
export function writeStories(workDir: string, eventCounts: readonly number[], folderName = 'ui-events'): string {
  const eventsDir = path.join(workDir, folderName);
  mkdirSync(eventsDir, { recursive: true });
  for (const count of eventCounts) writeStoryFolder(eventsDir, generatedStory(count, STORY_SEED));
  return eventsDir;
}

/** Starts the server on a free port; the live room replays `liveScenarioId` at real time. */
export async function startUiServer(repoRoot: string, workDir: string, eventsDir: string, liveScenarioId: string): Promise<UiServer> {
  const child = new BenchChild('ui server', path.join(import.meta.dirname, 'uiServerProcess.ts'), {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    BENCH_REPO_ROOT: repoRoot,
    BENCH_EVENTS_DIR: eventsDir,
    BENCH_DATA_DIR: mkdtempSync(path.join(workDir, 'ui-data-')),
    BENCH_LIVE_SCENARIO: liveScenarioId,
  });
  const { url } = await child.receive(readySchema, SERVER_START_TIMEOUT_MS);
  return { url, stop: () => child.stop() };
}
