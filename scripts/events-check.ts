/**
 * `npm run events:check [folder ...]` — validates every story under events/ (or the given story folders).
 * Prints one line per valid story; for a broken one, one line per problem (file, event, field, reason); exits 1.
 * Every problem of a folder is reported in one pass.
 *
 * `npm run events:check -- --fix <folder ...>` first sets the offsets of the quotes that stand exactly once in the
 * source (only those `start`/`end` values change; events.json is replaced atomically), lists the quotes it could
 * not fix, then checks the folders. Without `--fix` nothing is written.
 */
import path from 'node:path';
import { formatProblem } from '../lib/events/problems';
import { summarizeStory } from '../lib/events/catalog';
import { formatDay } from '../lib/events/formatStoryDate';
import { listRanges } from '../lib/events/quoteCheck';
import type { UnfixedQuote } from '../lib/events/quoteFixes';
import { fixStoryFolderQuotes } from '../lib/storyFiles/fixStoryFolder';
import { listStoryFolders, readStoryFolder } from '../lib/storyFiles/readStoryFolders';
import { eventsDirFromEnv } from '../lib/storyFiles/eventsDir';

const FIX_FLAG = '--fix';
const USAGE = 'usage: npm run events:check [-- [--fix] <story folder> ...]';

/** The span's days; its end is exclusive, except for a story that ends on an exact instant. */
function storySpanLabel(startMs: number, endMs: number): string {
  return `${formatDay(startMs)} – ${formatDay(Math.max(startMs, endMs - 1))}`;
}

function eventLabel(quote: { eventIndex: number; eventId?: string }): string {
  return quote.eventId ? `event "${quote.eventId}" (index ${quote.eventIndex})` : `event at index ${quote.eventIndex}`;
}

function unfixedLine(quote: UnfixedQuote): string {
  if (quote.candidates.length === 0) return `${eventLabel(quote)}: quote not found verbatim in the source: correct its text (see the problems below)`;
  return `${eventLabel(quote)}: quote found ${quote.candidates.length} times, at ${listRanges(quote.candidates)}: set start and end to the one meant`;
}

async function fixFolder(folder: string): Promise<void> {
  const result = await fixStoryFolderQuotes(folder);
  if (!result.ok) {
    console.error(`unfixed ${result.eventsFile}: ${result.reason}`);
    return;
  }
  const { fixed, unfixed } = result.fixes;
  console.log(`fixed   ${result.eventsFile}: ${fixed.length === 0 ? 'no quote offsets to fix' : `offsets of ${fixed.length} quote${fixed.length === 1 ? '' : 's'}`}`);
  for (const quote of fixed) console.log(`  ${eventLabel(quote)}: ${quote.was.start ?? '?'}-${quote.was.end ?? '?'} -> ${quote.now.start}-${quote.now.end}`);
  if (unfixed.length === 0) return;
  console.error(`unfixed ${result.eventsFile}: ${unfixed.length} quote${unfixed.length === 1 ? '' : 's'} whose offsets could not be set`);
  for (const quote of unfixed) console.error(`  ${unfixedLine(quote)}`);
}

async function main(args: string[]): Promise<number> {
  const fix = args.includes(FIX_FLAG);
  const named = args.filter((a) => a !== FIX_FLAG);
  const unknown = named.find((a) => a.startsWith('-'));
  if (unknown !== undefined || (fix && named.length === 0)) {
    console.error(unknown !== undefined ? `events:check: unknown option ${unknown}` : 'events:check: --fix needs the story folders to fix');
    console.error(USAGE);
    return 2;
  }
  const folders = named.length > 0 ? named.map((a) => path.resolve(a)) : await listStoryFolders(eventsDirFromEnv(process.env));
  if (folders.length === 0) {
    console.error('events:check: no story folders found');
    return 1;
  }
  let failed = 0;
  for (const folder of folders) {
    if (fix) await fixFolder(folder);
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
