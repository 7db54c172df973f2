import path from 'node:path';
import { EVENTS_FILE, SCENARIO_FILE, sourceFileName } from '../events/checkStory';
import { fixQuoteOffsets, type QuoteFixes } from '../events/quoteFixes';
import { readStoryFolderFiles } from './readStoryFolders';
import { writeFileAtomic } from './writeFileAtomic';

export type FolderQuoteFixes =
  | { ok: true; eventsFile: string; fixes: QuoteFixes }
  /** Nothing could be fixed: the folder, events.json, the scenario or its source text cannot be read. */
  | { ok: false; eventsFile: string; reason: string };

/**
 * Mends the offsets of the quotes of a story folder that stand exactly once in its source: rewrites events.json
 * (atomically, and only when something changed) with just those `start`/`end` values changed.
 */
export async function fixStoryFolderQuotes(folderPath: string): Promise<FolderQuoteFixes> {
  const read = await readStoryFolderFiles(folderPath);
  const eventsFile = `${read.ok ? read.files.folder : read.failure.folder}/${EVENTS_FILE}`;
  if (!read.ok) return { ok: false, eventsFile, reason: read.failure.problems[0]?.reason ?? 'cannot read the folder' };
  const { files } = read.files;
  const eventsText = files.get(EVENTS_FILE);
  if (eventsText === undefined) return { ok: false, eventsFile, reason: 'file not found' };
  const scenarioText = files.get(SCENARIO_FILE);
  const sourceName = scenarioText === undefined ? undefined : sourceFileName(scenarioText);
  const sourceText = sourceName === undefined ? undefined : files.get(sourceName);
  if (sourceText === undefined) {
    return { ok: false, eventsFile, reason: `no source text to find the quotes in (${SCENARIO_FILE} must name an existing source.file)` };
  }
  const fixes = fixQuoteOffsets(eventsText, sourceText);
  if (fixes.fixed.length > 0) await writeFileAtomic(path.join(folderPath, EVENTS_FILE), fixes.text);
  return { ok: true, eventsFile, fixes };
}
