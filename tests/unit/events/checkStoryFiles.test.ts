import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStoryFiles, type StoryTexts } from '@/lib/events/checkStoryFiles';
import { formatProblem } from '@/lib/events/problems';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/stories');
const fixture = (story: string, name: string) => readFileSync(path.join(FIXTURES, story, name), 'utf8');
type RawEvent = Record<string, unknown>;

/** The texts of valid-minimal, with edits. */
function texts(edit: { scenario?: (text: string) => string | undefined; events?: (events: RawEvent[]) => void; source?: string | null } = {}): StoryTexts {
  const events = JSON.parse(fixture('valid-minimal', 'events.json')) as RawEvent[];
  edit.events?.(events);
  const scenario = fixture('valid-minimal', 'scenario.json');
  return {
    folder: 'stories/valid-minimal',
    scenarioText: edit.scenario ? edit.scenario(scenario) : scenario,
    eventsText: JSON.stringify(events, null, 2),
    sourceText: edit.source === null ? undefined : (edit.source ?? fixture('valid-minimal', 'article.txt')),
  };
}

const messages = (files: StoryTexts) => checkStoryFiles(files).map(formatProblem);
const OFFSETS_OFF = (e: RawEvent[]) => Object.assign(e[1]!.quote as object, { start: 77, end: 140 });
const OFFSETS_PROBLEM = /event "southville-storm" \(index 1\), field "quote.start": offsets 77-140 do not match the quote; it stands once in (article\.txt|the source text), at 76-139/;

describe('checkStoryFiles: every problem in one pass, from texts in memory', () => {
  it('accepts a valid story', () => {
    expect(checkStoryFiles(texts())).toEqual([]);
  });

  it.each<[string, (text: string) => string | undefined, RegExp]>([
    ['a JSON syntax error', (t) => t.replace('"title":', '"title"'), /scenario\.json:4:11: malformed JSON: expected ":"/],
    ['a schema error', (t) => t.replace('"2025-03-14"', '"14 March"'), /scenario\.json:6:3: field "published": expected a calendar date/],
    ['no source named', (t) => t.replace('"file": "article.txt",', ''), /scenario\.json:7:3: field "source.file": missing required field/],
    ['no scenario file', () => undefined, /scenario\.json: file not found/],
  ])('a scenario with %s does not stop the events (and their quotes) being checked', (_name, scenario, scenarioProblem) => {
    const found = messages(texts({ scenario, events: (e) => ((e[0]!.importance = 5), OFFSETS_OFF(e)) }));
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(scenarioProblem);
    expect(found[1]).toMatch(/event "council-meeting" \(index 0\), field "importance": must be 1, 2 or 3/);
    expect(found[2]).toMatch(OFFSETS_PROBLEM);
  });

  it('an event that fails the schema still gets its quote, its dates and its related ids checked', () => {
    const found = messages(
      texts({
        events: (e) => {
          OFFSETS_OFF(e);
          e[1]!.type = 'riot';
          e[1]!.time = { start: { date: '2025-03-20', precision: 'day' }, end: { date: '2025-03-10', precision: 'day' }, asWritten: 'then' };
          e[1]!.related = ['nowhere'];
        },
      }),
    );
    expect(found).toEqual([
      expect.stringMatching(/field "type": unknown value "riot"/),
      expect.stringMatching(/field "time.end": end 2025-03-10 is before its start 2025-03-20/),
      expect.stringMatching(OFFSETS_PROBLEM),
      expect.stringMatching(/field "related\[0\]": no event has the id "nowhere"/),
    ]);
  });

  it('a quote whose own fields are wrong is reported once, not checked against the source', () => {
    const found = messages(texts({ events: (e) => Object.assign(e[0]!.quote as object, { start: 10, end: 5 }) }));
    expect(found).toEqual([expect.stringMatching(/field "quote.end": end offset 5 is not after start offset 10$/)]);
  });

  it('names the missing source file at its place in the scenario, and still checks the rest', () => {
    const found = messages(texts({ source: null, events: (e) => (e[0]!.importance = 0) }));
    expect(found).toEqual([
      'stories/valid-minimal/scenario.json:8:5: field "source.file": source file "article.txt" not found in stories/valid-minimal',
      expect.stringMatching(/events\.json:\d+:\d+: event "council-meeting" \(index 0\), field "importance": must be 1, 2 or 3/),
    ]);
  });

  it('compares the scenario id with the folder name (or the folderName given)', () => {
    expect(messages({ ...texts(), folder: 'x/other' })).toEqual([
      'x/other/scenario.json:3:3: field "id": scenario id "valid-minimal" must equal its folder name "other"',
    ]);
    expect(messages({ ...texts(), folder: 'x/other', folderName: 'valid-minimal' })).toEqual([]);
  });

  it('finds the same problems as the folder reader, in reading order', async () => {
    const read = await readStoryFolder(path.join(FIXTURES, 'six-mistakes'));
    if (read.ok) throw new Error('six-mistakes unexpectedly passed');
    const inMemory = checkStoryFiles({
      folder: read.failure.folder,
      scenarioText: fixture('six-mistakes', 'scenario.json'),
      eventsText: fixture('six-mistakes', 'events.json'),
      sourceText: fixture('six-mistakes', 'article.txt'),
    });
    expect(inMemory).toEqual(read.failure.problems);
    expect(inMemory).toHaveLength(6);
    const lines = inMemory.map((p) => [p.file.endsWith('scenario.json') ? 0 : 1, p.line ?? 0]);
    expect(lines).toEqual([...lines].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('gives a quote that does not match its nearest passage, for the studio to show', () => {
    const [problem] = checkStoryFiles(texts({ events: (e) => Object.assign(e[0]!.quote as object, { text: 'the council of Northtown met to discuss the flood defenses' }) }));
    expect(problem?.quoteMismatch?.nearest).toMatchObject({ start: 16, end: 74, text: 'the council of Northtown met to discuss the flood defences', distance: 1 });
  });
});
