import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { checkStory, EVENTS_FILE, SCENARIO_FILE } from '../events/checkStory';
import { storyVersion } from '../storyFiles/storyVersion';

export type StoryZip = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'missing' | 'changed' };

/**
 * The story folder as it is on disk (scenario.json, events.json and the source file, under a folder named after
 * the story), zipped — but only while the files on disk are still the version the server serves: a folder edited
 * since it was loaded (or left broken) is refused rather than handed out as if it were the served story.
 */
export async function zipStoryFolder(eventsDir: string, id: string, servedVersion: string, sourceFile: string): Promise<StoryZip> {
  const folder = path.join(eventsDir, id);
  const names = [SCENARIO_FILE, EVENTS_FILE, sourceFile];
  const files = new Map<string, { bytes: Uint8Array; mtime: Date }>();
  try {
    for (const name of names) {
      const filePath = path.join(folder, name);
      const [bytes, stats] = await Promise.all([readFile(filePath), stat(filePath)]);
      files.set(name, { bytes, mtime: stats.mtime });
    }
  } catch {
    return { ok: false, reason: 'missing' };
  }
  const decoder = new TextDecoder();
  const texts = new Map([...files].map(([name, file]) => [name, decoder.decode(file.bytes)]));
  const checked = checkStory({ folder: id, folderName: id, files: texts });
  if (!checked.ok || storyVersion(checked.story) !== servedVersion) return { ok: false, reason: 'changed' };
  const entries: Zippable = {};
  for (const [name, file] of files) entries[`${id}/${name}`] = [file.bytes, { mtime: file.mtime }];
  return { ok: true, bytes: zipSync(entries, { level: 6 }) };
}
