import { checkStoryTexts, type StoryTexts } from './checkStory';
import type { Problem } from './problems';

/**
 * Every problem of a story, from the texts of its files, in one pass — the same checks as `npm run events:check`.
 * Pure and in memory (no I/O, nothing from node:): the CLI and the server's loader call it after reading a folder;
 * the studio calls it in the browser as the story is edited. An empty list means the story is valid.
 *
 * `folder` is the folder as shown in messages (its last segment must equal the scenario id, unless `folderName`
 * says otherwise); a text that is `undefined` is a file that does not exist. `sourceText` is the text of the file
 * the scenario names in `source.file`.
 */
export function checkStoryFiles(files: StoryTexts): Problem[] {
  const checked = checkStoryTexts(files);
  return checked.ok ? [] : checked.problems;
}

export { checkStoryTexts, sourceFileName, type StoryTexts } from './checkStory';
