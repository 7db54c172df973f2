/**
 * `npm run events:check [folder ...]` — validates every story under events/ (or the given story folders).
 * Prints one line per valid story; for a broken one, one line per problem (file, event, field, reason); exits 1.
 */
import path from 'node:path';
import { formatProblem } from '../lib/events/problems';
import { summarizeStory } from '../lib/events/catalog';
import { formatDay } from '../lib/events/formatStoryDate';
import { listStoryFolders, readStoryFolder } from '../lib/storyFiles/readStoryFolders';
import { eventsDirFromEnv } from '../lib/storyFiles/eventsDir';

/** The span's days; its end is exclusive, except for a story that ends on an exact instant. */
function storySpanLabel(startMs: number, endMs: number): string {
  return `${formatDay(startMs)} – ${formatDay(Math.max(startMs, endMs - 1))}`;
}

async function main(args: string[]): Promise<number> {
  const folders = args.length > 0 ? args.map((a) => path.resolve(a)) : await listStoryFolders(eventsDirFromEnv(process.env));
  if (folders.length === 0) {
    console.error('events:check: no story folders found');
    return 1;
  }
  let failed = 0;
  for (const folder of folders) {
    const read = await readStoryFolder(folder);
    if (read.ok) {
      const summary = summarizeStory(read.story);
      const span = summary.span ? storySpanLabel(Date.parse(summary.span.start), Date.parse(summary.span.end)) : 'no events';
      console.log(`ok      ${summary.id}: ${summary.eventCount} event${summary.eventCount === 1 ? '' : 's'}, ${span}`);
    } else {
      failed++;
      console.error(`FAILED  ${read.failure.folder}: ${read.failure.problems.length} problem(s)`);
      for (const problem of read.failure.problems) console.error(`  ${formatProblem(problem)}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
