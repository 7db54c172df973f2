import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repoRoot';
import { runScript } from '../helpers/runScript';

const SIX = 'tests/fixtures/stories/six-mistakes';
const STORY_FILES = ['article.txt', 'events.json', 'scenario.json'];
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');

/** The six planted mistakes, as `events:check` reports them about a copy of the fixture in `folder`. */
function sixProblems(folder: string): string[] {
  return [
    `${folder}/scenario.json:5:3: field "published": expected a calendar date as YYYY-MM-DD, got "14 March 2025"`,
    `${folder}/events.json:11:7: event "council-meeting" (index 0), field "quote.start": offsets 19-77 do not match the quote; it stands once in article.txt, at 16-74 (--fix sets them)`,
    `${folder}/events.json:15:5: event "council-meeting" (index 0), field "importance": expected a number, received the string "high"`,
    `${folder}/events.json:23:15: event "southville-storm" (index 1), field "time.date": impossible date "2025-02-30": February 2025 has 28 days`,
    `${folder}/events.json:38:16: event "mayor-warning" (index 2), field "quote.text": quote not found verbatim in article.txt; ` +
      `nearest passage at 158-189: "We can't wait for another flood"; first difference at offset 6 of the quote (offset 164 of the source): ` +
      `the quote has ’ (U+2019 RIGHT SINGLE QUOTATION MARK), the source has ' (U+0027 APOSTROPHE) ` +
      `(curly vs straight quote, the only difference: copy the passage from the source)`,
    `${folder}/events.json:54:17: event "bridge-closed" (index 3), field "related[0]": no event has the id "river-flood"`,
  ];
}

let tempRoot: string | undefined;
afterEach(async () => {
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
});

/** A copy of the six-mistakes story in a temporary folder (named after the story, as its id requires). */
async function copyOfSix(): Promise<string> {
  tempRoot = await mkdtemp(path.join(tmpdir(), 'sitrep-events-fix-'));
  const folder = path.join(tempRoot, 'six-mistakes');
  await cp(path.join(REPO_ROOT, SIX), folder, { recursive: true });
  return folder;
}

const read = (folder: string, name: string) => readFile(path.join(folder, name), 'utf8');

describe('npm run events:check: every problem in one pass, and --fix', () => {
  it('reports the six planted mistakes of the fixture in one pass (scenario, schema, date, offsets, curly apostrophe, related id)', async () => {
    const run = await runScript('events-check.ts', [SIX]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([`FAILED  ${SIX}: 6 problem(s)`, ...sixProblems(SIX).map((p) => `  ${p}`)]);
  });

  it('without --fix writes nothing', async () => {
    const folder = await copyOfSix();
    const before = await stat(path.join(folder, 'events.json'));
    const run = await runScript('events-check.ts', [folder]);
    expect(run.code).toBe(1);
    expect(await read(folder, 'events.json')).toBe(await read(path.join(REPO_ROOT, SIX), 'events.json'));
    expect((await stat(path.join(folder, 'events.json'))).mtimeMs).toBe(before.mtimeMs);
    expect((await readdir(folder)).sort()).toEqual(STORY_FILES);
  });

  it('--fix mends the offsets of the quote found once, changes nothing else, lists the quote it cannot fix', async () => {
    const folder = await copyOfSix();
    const original = await read(folder, 'events.json');
    const run = await runScript('events-check.ts', ['--fix', folder]);

    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([`fixed   ${folder}/events.json: offsets of 1 quote`, '  event "council-meeting" (index 0): 19-77 -> 16-74']);
    const others = sixProblems(folder).filter((p) => !p.includes('field "quote.start"'));
    expect(others).toHaveLength(5);
    expect(lines(run.stderr)).toEqual([
      `unfixed ${folder}/events.json: 1 quote whose offsets could not be set`,
      '  event "mayor-warning" (index 2): quote not found verbatim in the source: correct its text (see the problems below)',
      `FAILED  ${folder}: 5 problem(s)`,
      ...others.map((p) => `  ${p}`),
    ]);

    // Re-read from disk: only the two offsets changed, byte for byte; no temporary file left behind.
    const fixed = await read(folder, 'events.json');
    const expected = original.replace('"start": 19,\n      "end": 77', '"start": 16,\n      "end": 74');
    expect(expected).not.toBe(original);
    expect(fixed).toBe(expected);
    expect((await readdir(folder)).sort()).toEqual(STORY_FILES);
    for (const name of ['article.txt', 'scenario.json']) expect(await read(folder, name)).toBe(await read(path.join(REPO_ROOT, SIX), name));

    const again = await runScript('events-check.ts', ['--fix', folder]);
    expect(lines(again.stdout)).toEqual([`fixed   ${folder}/events.json: no quote offsets to fix`]);
    expect(await read(folder, 'events.json')).toBe(fixed);
  });

  it('--fix lists a quote found several times with its candidate offsets, and leaves it as it was', async () => {
    const folder = await copyOfSix();
    const original = await read(folder, 'events.json');
    // "flood" stands twice in the article (lines 1 and 3), never at 0-5.
    const edited = original.replace('"text": "the bridge was closed", "start": 258, "end": 279', '"text": "flood", "start": 0, "end": 5');
    expect(edited).not.toBe(original);
    await writeFile(path.join(folder, 'events.json'), edited);

    const run = await runScript('events-check.ts', ['--fix', folder]);
    expect(lines(run.stderr).slice(0, 4)).toEqual([
      `unfixed ${folder}/events.json: 2 quotes whose offsets could not be set`,
      '  event "mayor-warning" (index 2): quote not found verbatim in the source: correct its text (see the problems below)',
      '  event "bridge-closed" (index 3): quote found 2 times, at 60-65 and 184-189: set start and end to the one meant',
      `FAILED  ${folder}: 6 problem(s)`,
    ]);
    const fixed = await read(folder, 'events.json');
    expect(fixed).toContain('"text": "flood", "start": 0, "end": 5');
    expect(fixed).toContain('"start": 16,\n      "end": 74');
  });
});
