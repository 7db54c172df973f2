import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SyntheticStory } from '../synthetic/generateStory';

/**
 * Writes a generated story as a story folder `folder` (named after the story id): scenario.json, events.json (one
 * event per line) and article.txt, the layout the loader reads. Used by `npm run events:generate` and the benchmarks.
 */
export function writeStoryFolder(folder: string, story: SyntheticStory): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'scenario.json'), `${JSON.stringify(story.scenario, null, 2)}\n`);
  writeFileSync(path.join(folder, 'events.json'), `[\n${story.events.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
  writeFileSync(path.join(folder, 'article.txt'), story.article);
}
