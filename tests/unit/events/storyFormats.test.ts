import type { Casualties, CasualtyCount } from '@/lib/events/casualtySchema';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStory, type StoryCheck } from '@/lib/events/checkStory';
import { formatProblem, type StoryProblem } from '@/lib/events/problems';
import { declaredFormat } from '@/lib/events/storyFormats';
import { upgradeCasualties } from '@/lib/events/storyFormatUpgrade';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/stories');
type RawEvent = Record<string, unknown>;
type RawScenario = Record<string, unknown>;

/** The files of a fixture folder, with its scenario and events edited. */
function check(fixture: 'valid-minimal' | 'valid-format1', edit: (events: RawEvent[], scenario: RawScenario) => void): StoryCheck {
  const read = (name: string) => readFileSync(path.join(FIXTURES, fixture, name), 'utf8');
  const scenario = JSON.parse(read('scenario.json')) as RawScenario;
  const events = JSON.parse(read('events.json')) as RawEvent[];
  edit(events, scenario);
  const files = new Map([
    ['scenario.json', JSON.stringify(scenario, null, 2)],
    ['events.json', JSON.stringify(events, null, 2)],
    ['article.txt', read('article.txt')],
  ]);
  return checkStory({ folder: 'story', folderName: fixture, files });
}

const problemsOf = (result: StoryCheck): StoryProblem[] => (result.ok ? [] : result.problems);
const exact = (count: number): CasualtyCount => ({ count, qualifier: 'exact' });

describe('story formats: which format a scenario declares', () => {
  it.each<[unknown, 1 | 2]>([
    [{ id: 'x' }, 1],
    [{ format: 1 }, 1],
    [{ format: 2 }, 2],
    [{ format: 3 }, 2],
    [null, 1],
    [[], 1],
  ])('%j is format %i', (scenario, format) => {
    expect(declaredFormat(scenario)).toBe(format);
  });
});

describe('both formats are read, into the one shape', () => {
  it.each(['valid-minimal', 'valid-format1'])('%s passes the checker', async (fixture) => {
    const read = await readStoryFolder(path.join(FIXTURES, fixture));
    expect(read.ok ? [] : read.failure.problems.map(formatProblem)).toEqual([]);
  });

  it('a format 1 story and its format 2 twin are the same story in memory', async () => {
    const [one, two] = await Promise.all(['valid-format1', 'valid-minimal'].map((name) => readStoryFolder(path.join(FIXTURES, name))));
    if (!one?.ok || !two?.ok) throw new Error('a fixture failed');
    expect(one.story.events).toEqual(two.story.events);
    expect(one.story.scenario.format).toBe(2);
    expect(two.story.events.find((e) => e.id === 'southville-storm')?.casualties).toEqual({ injured: exact(4) });
  });
});

describe('upgradeCasualties: format 1 numbers become exact figures', () => {
  it.each<[string, Parameters<typeof upgradeCasualties>[0], Casualties]>([
    ['nothing', {}, {}],
    ['killed', { killed: 3 }, { killed: exact(3) }],
    ['a reported zero stays zero', { killed: 0 }, { killed: exact(0) }],
    ['killed with children', { killed: 3, childrenKilled: 1 }, { killed: { ...exact(3), children: exact(1) } }],
    ['children only: no total is made up', { childrenKilled: 9 }, { killed: { children: exact(9) } }],
    ['injured only', { injured: 4 }, { injured: exact(4) }],
  ])('%s', (_name, formatOne, formatTwo) => {
    expect(upgradeCasualties(formatOne)).toEqual(formatTwo);
  });

  it.each<[string, RawEvent['casualties'], Casualties]>([
    ['killed and children', { killed: 3, childrenKilled: 1 }, { killed: { ...exact(3), children: exact(1) } }],
    ['children only', { childrenKilled: 9 }, { killed: { children: exact(9) } }],
  ])('through the checker: %s', (_name, casualties, upgraded) => {
    const result = check('valid-format1', (events) => (events[1]!.casualties = casualties));
    expect(result.ok && result.story.events.find((e) => e.id === 'southville-storm')?.casualties).toEqual(upgraded);
  });
});

describe('format 2 figures that are accepted', () => {
  it.each<[string, unknown]>([
    ['"at least four killed"', { killed: { count: 4, qualifier: 'at-least' } }],
    ['"more than 1,400 injured"', { injured: { count: 1400, qualifier: 'more-than' } }],
    ['"about 30 killed, most of them civilians"', { killed: { count: 30, qualifier: 'about', civilians: { count: 20, qualifier: 'more-than' } } }],
    ['a breakdown with no total', { killed: { civilians: exact(12), military: { count: 3, qualifier: 'at-least' } } }],
    ['children only', { killed: { children: exact(9) } }],
    ['parts above an approximate total are not refused (it may be more)', { killed: { count: 10, qualifier: 'about', children: exact(11) } }],
  ])('%s', (_name, casualties) => {
    const result = check('valid-minimal', (events) => (events[1]!.casualties = casualties));
    expect(problemsOf(result).map(formatProblem)).toEqual([]);
    if (result.ok) expect(result.story.events.find((e) => e.id === 'southville-storm')?.casualties).toEqual(casualties);
  });

  it('keeps an actor’s name as written beside its usual name', () => {
    const result = check('valid-minimal', (events) => (events[0]!.actors = [{ name: 'Northtown Town Council', role: 'Local government', asWritten: 'the council of Northtown' }]));
    expect(problemsOf(result).map(formatProblem)).toEqual([]);
    expect(result.ok && result.story.events.find((e) => e.id === 'council-meeting')?.actors[0]).toEqual({
      name: 'Northtown Town Council',
      role: 'Local government',
      asWritten: 'the council of Northtown',
    });
  });
});

type Refusal = [string, 'valid-minimal' | 'valid-format1', (events: RawEvent[], scenario: RawScenario) => void, { file: string; field: string; reason: RegExp }];
const inEvents = (field: string, reason: RegExp) => ({ file: 'story/events.json', field, reason });
const killed = (figure: unknown) => (events: RawEvent[]) => (events[1]!.casualties = { killed: figure });

describe('refused, with the file, its line and column, and the field named', () => {
  it.each<Refusal>([
    ['an unknown qualifier', 'valid-minimal', killed({ count: 3, qualifier: 'roughly' }), inEvents('casualties.killed.qualifier', /^unknown value "roughly": expected one of "exact", "at-least", "more-than", "about"$/)],
    ['a count without its qualifier', 'valid-minimal', killed({ count: 3 }), inEvents('casualties.killed.qualifier', /^missing required field: a count goes with its qualifier/)],
    ['a qualifier without its count', 'valid-minimal', killed({ qualifier: 'about' }), inEvents('casualties.killed.count', /^missing required field: a qualifier goes with its count$/)],
    ['an empty figure', 'valid-minimal', killed({}), inEvents('casualties.killed', /^an empty figure: give "count" with "qualifier", or a breakdown/)],
    ['a plain number in format 2', 'valid-minimal', killed(3), inEvents('casualties.killed', /^expected an object, received number 3$/)],
    ['format 1’s childrenKilled in format 2', 'valid-minimal', (e) => (e[1]!.casualties = { childrenKilled: 2 }), inEvents('casualties', /Unrecognized key: "childrenKilled"/)],
    ['a count that is not whole', 'valid-minimal', killed({ count: 2.5, qualifier: 'exact' }), inEvents('casualties.killed.count', /^expected a whole number, received number 2.5$/)],
    ['an unknown part', 'valid-minimal', killed({ count: 3, qualifier: 'exact', women: exact(1) }), inEvents('casualties.killed', /Unrecognized key: "women"/)],
    ['a part without its qualifier', 'valid-minimal', killed({ military: { count: 2 } }), inEvents('casualties.killed.military.qualifier', /^missing required field/)],
    ['a negative part', 'valid-minimal', killed({ civilians: { count: -1, qualifier: 'exact' } }), inEvents('casualties.killed.civilians.count', /^must not be negative$/)],
    ['children above an exact total', 'valid-minimal', killed({ ...exact(3), children: { count: 3, qualifier: 'more-than' } }), inEvents('casualties.killed.children', /^children \(more than 3\) exceed the total \(3\)$/)],
    [
      'civilians and military above an exact total',
      'valid-minimal',
      killed({ ...exact(5), civilians: exact(4), military: { count: 2, qualifier: 'at-least' } }),
      inEvents('casualties.killed', /^civilians and military together \(4 \+ at least 2\) exceed the total \(5\)$/),
    ],
    [
      'a name as written that the source does not hold',
      'valid-minimal',
      (e) => (e[0]!.actors = [{ name: 'Northtown council', role: 'Local government', asWritten: 'Nortown council' }]),
      inEvents('actors[0].asWritten', /^name as written "Nortown council" not found verbatim in article\.txt$/),
    ],
    ['an empty name as written', 'valid-minimal', (e) => (e[0]!.actors = [{ name: 'Northtown council', role: 'Local government', asWritten: ' ' }]), inEvents('actors[0].asWritten', /^must not be empty$/)],
    ['a name as written in format 1', 'valid-format1', (e) => (e[0]!.actors = [{ name: 'Northtown council', role: 'Local government', asWritten: 'council' }]), inEvents('actors[0]', /Unrecognized key: "asWritten"/)],
    ['a format 2 figure in format 1', 'valid-format1', killed(exact(3)), inEvents('casualties.killed', /^expected a number, received an object$/)],
    ['format 1: more children killed than killed', 'valid-format1', (e) => (e[1]!.casualties = { killed: 1, childrenKilled: 2 }), inEvents('casualties.childrenKilled', /^children killed \(2\) exceeds killed \(1\)$/)],
    ['an unknown format', 'valid-minimal', (_e, s) => (s.format = 3), { file: 'story/scenario.json', field: 'format', reason: /^unknown value 3: expected one of 1, 2$/ }],
  ])('%s', (_name, fixture, edit, expected) => {
    const problems = problemsOf(check(fixture, edit));
    expect(problems.map(formatProblem)).toHaveLength(1);
    const [problem] = problems as [StoryProblem];
    expect(problem).toMatchObject({ file: expected.file, field: expected.field });
    expect(problem.reason).toMatch(expected.reason);
    expect(problem.line).toBeGreaterThan(1);
    expect(problem.column).toBeGreaterThan(1);
  });
});
