/**
 * `npm run events:generate -- --events 10000 --seed 1 [--out events/<id>]` writes a valid synthetic story folder:
 * fictional countries, actors and places; realistic types, imprecise dates and casualties; every quote verbatim.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { writeStoryFolder } from '../lib/storyFiles/writeStoryFolder';
import { generateStory } from '../lib/synthetic/generateStory';

const argsSchema = z.object({
  events: z.coerce.number().int().min(1).max(1_000_000),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1),
  out: z.string().optional(),
});

const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } },
});
const parsed = argsSchema.safeParse(values);
if (!parsed.success) {
  console.error(`events:generate: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  process.exit(1);
}
const story = generateStory({ events: parsed.data.events, seed: parsed.data.seed });
const folder = path.resolve(parsed.data.out ?? path.join('events', story.id));
if (path.basename(folder) !== story.id) {
  console.error(`events:generate: the folder name must be the story id "${story.id}" (got ${folder})`);
  process.exit(1);
}
writeStoryFolder(folder, story);
console.log(`wrote ${story.events.length} events to ${path.relative(process.cwd(), folder) || folder}`);
