import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory, type Story } from '@/lib/events/checkStory';
import { formatProblem } from '@/lib/events/problems';
import { toStoryFileEvent, toStoryFileScenario } from '@/lib/events/storyFileShape';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';
import { generateStory } from '@/lib/synthetic/generateStory';

const ROOT = path.resolve(import.meta.dirname, '../../..');

async function read(folder: string): Promise<Story> {
  const result = await readStoryFolder(path.join(ROOT, folder));
  if (!result.ok) throw new Error(result.failure.problems.map(formatProblem).join('\n'));
  return result.story;
}

/** Writes a story in format 2 and reads it back with the checker. */
function writtenAndRead(story: Story, folderName: string): Story {
  const files = new Map([
    ['scenario.json', JSON.stringify(toStoryFileScenario(story.scenario), null, 2)],
    ['events.json', JSON.stringify(story.events.map(toStoryFileEvent), null, 2)],
    [story.scenario.source.file, story.sourceText],
  ]);
  const result = checkStory({ folder: folderName, folderName, files });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.story;
}

describe('a story written in format 2 reads back as the same story', () => {
  it.each(['events/2025-04-putin-trump', 'tests/fixtures/stories/replay-small', 'tests/fixtures/stories/valid-minimal', 'tests/fixtures/stories/valid-format1'])('%s', async (folder) => {
    const story = await read(folder);
    const again = writtenAndRead(story, path.basename(folder));
    expect(again).toEqual(story);
    expect(JSON.parse(JSON.stringify(toStoryFileScenario(again.scenario)))).toMatchObject({ format: 2 });
  });

  it('a format 1 story is written as format 2: qualified figures, no childrenKilled', async () => {
    const story = await read('tests/fixtures/stories/valid-format1');
    const raw = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/stories/valid-format1/events.json'), 'utf8')) as { casualties?: unknown }[];
    expect(raw[1]?.casualties).toEqual({ injured: 4 });
    expect(story.events.map(toStoryFileEvent)[1]?.casualties).toEqual({ injured: { count: 4, qualifier: 'exact' } });
  });

  it('a generated story', () => {
    const generated = generateStory({ events: 300, seed: 11 });
    const files = new Map([
      ['scenario.json', JSON.stringify(generated.scenario)],
      ['events.json', JSON.stringify(generated.events)],
      ['article.txt', generated.article],
    ]);
    const result = checkStory({ folder: generated.id, folderName: generated.id, files });
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(writtenAndRead(result.story, generated.id)).toEqual(result.story);
  });
});
