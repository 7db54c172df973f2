import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, type StoryProblem } from '@/lib/events/problems';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/stories');

async function problemsOf(name: string): Promise<StoryProblem[]> {
  const read = await readStoryFolder(path.join(FIXTURES, name));
  if (read.ok) throw new Error(`fixture ${name} unexpectedly passed`);
  return read.failure.problems;
}

type Case = {
  fixture: string;
  file: string;
  eventId?: string;
  eventIndex?: number;
  field: string;
  reason: RegExp;
  line?: number;
};

// One small bad story per problem class; each message must name the file, the event, the field and the reason.
const CASES: Case[] = [
  { fixture: 'malformed-json', file: 'events.json', field: '', reason: /^malformed JSON: expected "," between values$/, line: 5 },
  { fixture: 'missing-field', file: 'events.json', eventId: 'council-meeting', eventIndex: 0, field: 'title', reason: /^missing required field \(expected a string\)$/ },
  { fixture: 'mistyped-field', file: 'events.json', eventId: 'council-meeting', eventIndex: 0, field: 'importance', reason: /^expected a number, received the string "high"$/ },
  { fixture: 'unknown-type', file: 'events.json', eventId: 'southville-storm', eventIndex: 1, field: 'type', reason: /^unknown value "riot": expected one of "strike", "meeting", "statement"/ },
  { fixture: 'duplicate-id', file: 'events.json', eventId: 'council-meeting', eventIndex: 1, field: 'id', reason: /^duplicate id "council-meeting": already used by the event at index 0$/ },
  { fixture: 'impossible-date', file: 'events.json', eventId: 'council-meeting', eventIndex: 0, field: 'time.date', reason: /^impossible date "2025-02-30": February 2025 has 28 days$/ },
  { fixture: 'misaligned-precision', file: 'events.json', eventId: 'southville-storm', eventIndex: 1, field: 'time.date', reason: /precision "week" must be the Monday/ },
  { fixture: 'end-before-start', file: 'events.json', eventId: 'southville-storm', eventIndex: 1, field: 'time.end', reason: /^end 2025-03-10 is before its start 2025-03-20$/ },
  { fixture: 'quote-not-found', file: 'events.json', eventId: 'council-meeting', eventIndex: 0, field: 'quote.text', reason: /^quote not found verbatim in article\.txt; nearest passage at 16-66: "the council of Northtown met to discuss the flood "; first difference at offset 44 of the quote \(offset 60 of the source\): the quote has b \(U\+0062 LATIN SMALL LETTER B\), the source has f \(U\+0066 LATIN SMALL LETTER F\)$/ },
  { fixture: 'offsets-mismatch', file: 'events.json', eventId: 'council-meeting', eventIndex: 0, field: 'quote.start', reason: /^offsets 19-77 do not match the quote; it stands once in article\.txt, at 16-74 \(--fix sets them\)$/ },
  { fixture: 'missing-source', file: 'scenario.json', field: 'source.file', reason: /^source file "article\.txt" not found/ },
  { fixture: 'bad-scenario', file: 'scenario.json', field: 'published', reason: /^expected a calendar date as YYYY-MM-DD, got "14 March 2025"$/ },
];

describe('checkStory reports each problem class with file, event, field and reason', () => {
  it.each(CASES)('$fixture', async (c) => {
    const problems = await problemsOf(c.fixture);
    expect(problems).toHaveLength(1);
    const [problem] = problems as [StoryProblem];
    expect(problem.file).toBe(`tests/fixtures/stories/${c.fixture}/${c.file}`);
    expect(problem.field).toBe(c.field);
    expect(problem.reason).toMatch(c.reason);
    expect(problem.eventId).toBe(c.eventId);
    expect(problem.eventIndex).toBe(c.eventIndex);
    if (c.line !== undefined) expect(problem.line).toBe(c.line);

    const message = formatProblem(problem);
    expect(message).toContain(problem.file);
    if (c.field) expect(message).toContain(`field "${c.field}"`);
    if (c.eventId) expect(message).toContain(`event "${c.eventId}" (index ${c.eventIndex})`);
    expect(message).toContain(problem.reason);
  });

  it('points a JSON syntax error at its line and column', async () => {
    const [problem] = await problemsOf('malformed-json');
    expect(formatProblem(problem as StoryProblem)).toBe(
      'tests/fixtures/stories/malformed-json/events.json:5:5: malformed JSON: expected "," between values',
    );
  });

  it('accepts a valid story and sorts its events', async () => {
    const read = await readStoryFolder(path.join(FIXTURES, 'valid-minimal'));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.story.events.map((e) => e.id)).toEqual(['council-meeting', 'southville-storm']);
  });

  it('reports a missing folder', async () => {
    const read = await readStoryFolder(path.join(FIXTURES, 'no-such-story'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.failure.problems[0]?.reason).toBe('folder not found');
  });
});
