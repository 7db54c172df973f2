import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory, type StoryCheck } from '@/lib/events/checkStory';
import { formatProblem } from '@/lib/events/problems';

const BASE = path.resolve(import.meta.dirname, '../../fixtures/stories/valid-minimal');
const baseFiles = () =>
  new Map(['scenario.json', 'events.json', 'article.txt'].map((name) => [name, readFileSync(path.join(BASE, name), 'utf8')]));
type RawEvent = Record<string, unknown>;

function checkWithEvents(edit: (events: RawEvent[]) => void): StoryCheck {
  const files = baseFiles();
  const events = JSON.parse(files.get('events.json') as string) as RawEvent[];
  edit(events);
  files.set('events.json', JSON.stringify(events, null, 2));
  return checkStory({ folder: 'story', folderName: 'valid-minimal', files });
}

function messages(check: StoryCheck): string[] {
  return check.ok ? [] : check.problems.map(formatProblem);
}

describe('checkStory: further rules', () => {
  it.each<[string, (events: RawEvent[]) => void, RegExp]>([
    ['a time that is both a date and a range', (e) => Object.assign(e[0]!.time as object, { start: { date: '2025-03-01', precision: 'day' } }), /field "time": give either "date" and "precision" or "start"\/"end", not both/],
    ['a date without its precision', (e) => delete (e[0]!.time as RawEvent).precision, /field "time.precision": missing required field/],
    ['a time with neither date nor range', (e) => (e[0]!.time = { asWritten: 'once' }), /field "time": missing a time/],
    ['an unknown precision', (e) => ((e[0]!.time as RawEvent).precision = 'fortnight'), /field "time.precision": unknown value "fortnight"/],
    ['a month that does not exist', (e) => ((e[0]!.time as RawEvent).date = '2025-13-01'), /impossible date "2025-13-01": there is no month 13/],
    ['a negative casualty count', (e) => (e[1]!.casualties = { injured: { count: -1, qualifier: 'exact' } }), /field "casualties.injured.count": must not be negative/],
    [
      'more children killed than killed',
      (e) => (e[1]!.casualties = { killed: { count: 1, qualifier: 'exact', children: { count: 2, qualifier: 'exact' } } }),
      /field "casualties.killed.children": children \(2\) exceed the total \(1\)/,
    ],
    ['an unknown field', (e) => (e[0]!.severity = 3), /Unrecognized key: "severity"/],
    ['importance out of range', (e) => (e[0]!.importance = 4), /field "importance": must be 1, 2 or 3/],
    ['a related id that does not exist', (e) => (e[0]!.related = ['nothing-here']), /field "related\[0\]": no event has the id "nothing-here"/],
    ['a bad slug as id', (e) => (e[0]!.id = 'Council Meeting'), /field "id": expected a slug/],
    ['quote end before start', (e) => Object.assign(e[0]!.quote as object, { start: 10, end: 5 }), /field "quote.end": end offset 5 is not after start offset 10/],
    ['a curly/straight quote mix-up', (e) => Object.assign(e[0]!.quote as object, { text: "the council of Northtown met to discuss the flood defences'" }), /quote not found verbatim/],
    ['an exact time without an offset', (e) => (e[0]!.time = { date: '2025-03-03T10:00', precision: 'exact', asWritten: 'at ten' }), /expected an ISO 8601 date-time with an offset/],
  ])('refuses %s', (_name, edit, expected) => {
    const found = messages(checkWithEvents(edit));
    expect(found.some((m) => expected.test(m)), found.join('\n')).toBe(true);
  });

  it('refuses events.json that is not an array', () => {
    const files = baseFiles();
    files.set('events.json', '{"events": []}');
    expect(messages(checkStory({ folder: 'story', folderName: 'valid-minimal', files }))).toEqual([
      'story/events.json:1:1: expected an array of events',
    ]);
  });

  it('refuses a scenario whose id is not its folder name', () => {
    const check = checkStory({ folder: 'story', folderName: 'another-name', files: baseFiles() });
    expect(messages(check)).toEqual(['story/scenario.json:3:3: field "id": scenario id "valid-minimal" must equal its folder name "another-name"']);
  });

  it('accepts an exact time with an offset and a range with only an end', () => {
    const check = checkWithEvents((e) => {
      e[0]!.time = { date: '2025-03-03T10:30+02:00', precision: 'exact', asWritten: 'at 10.30' };
      e[1]!.time = { end: { date: '2025-03-14', precision: 'day' }, asWritten: 'not dated' };
    });
    expect(messages(check)).toEqual([]);
  });

  it('reports every problem of a file, not only the first', () => {
    const found = messages(
      checkWithEvents((e) => {
        e[0]!.type = 'riot';
        e[1]!.title = '';
      }),
    );
    expect(found).toHaveLength(2);
  });
});
