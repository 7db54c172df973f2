import type { core } from 'zod';
import { compareEvents, eventSpan } from './eventSpan';
import { actorNameProblems } from './actorNameCheck';
import { parseJsonText } from './jsonText';
import { fieldPath, type StoryProblem } from './problems';
import { quoteProblem } from './quoteCheck';
import { scenarioSchema, type Scenario, type StoryEvent } from './schema';
import { declaredFormat, type StoryFormat } from './storyFormats';
import { storyEventSchemaFor } from './storyFormatUpgrade';

export const SCENARIO_FILE = 'scenario.json';
export const EVENTS_FILE = 'events.json';

/** A story that passed every check: scenario, events in story order, and the source text they quote. */
export interface Story {
  scenario: Scenario;
  events: StoryEvent[];
  sourceText: string;
}

export type StoryCheck = { ok: true; story: Story } | { ok: false; problems: StoryProblem[] };

export interface StoryFiles {
  /** The folder as shown in messages, e.g. `events/2025-04-putin-trump`. */
  folder: string;
  /** The folder's name, which must equal the scenario id. */
  folderName: string;
  /** File name -> contents, for the files of the folder. */
  files: ReadonlyMap<string, string>;
}

const EXPECTED_NAMES: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'a string', array: 'an array', object: 'an object', boolean: 'true or false' };

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return `the string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  if (typeof input === 'number' || typeof input === 'boolean') return `${typeof input} ${String(input)}`;
  return typeof input === 'object' ? 'an object' : typeof input;
}

/** Turns a zod issue into a reason that says what was expected and what was found. */
export function zodReason(issue: core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `missing required field (expected ${expected})`
        : `expected ${expected}, received ${describeInput(issue.input)}`;
    }
    case 'invalid_value':
      if (issue.input === undefined) return `missing required field (expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')})`;
      return `unknown value ${JSON.stringify(issue.input)}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

/** Validates a story folder's files without touching the disk. */
export function checkStory({ folder, folderName, files }: StoryFiles): StoryCheck {
  const problems: StoryProblem[] = [];
  const scenarioPath = `${folder}/${SCENARIO_FILE}`;
  const eventsPath = `${folder}/${EVENTS_FILE}`;

  const scenarioText = files.get(SCENARIO_FILE);
  const eventsText = files.get(EVENTS_FILE);
  if (scenarioText === undefined) problems.push({ file: scenarioPath, field: '', reason: 'file not found' });
  if (eventsText === undefined) problems.push({ file: eventsPath, field: '', reason: 'file not found' });

  const scenario = scenarioText === undefined ? undefined : checkScenario(scenarioPath, scenarioText, folderName, problems);
  const sourceText = scenario ? files.get(scenario.source.file) : undefined;
  if (scenario && sourceText === undefined) {
    problems.push({ file: scenarioPath, field: 'source.file', reason: `source file "${scenario.source.file}" not found in ${folder}` });
  }
  const format = formatOfScenarioText(scenarioText);
  const events =
    eventsText === undefined ? undefined : checkEvents(eventsPath, eventsText, sourceText, scenario?.source.file, format, problems);

  if (problems.length > 0 || !scenario || !events || sourceText === undefined) {
    return { ok: false, problems };
  }
  return { ok: true, story: { scenario, events: [...events].sort(compareEvents), sourceText } };
}

/** The story format scenario.json declares (format 1 when it says none, or cannot be read). */
function formatOfScenarioText(text: string | undefined): StoryFormat {
  const json = text === undefined ? undefined : parseJsonText(text);
  return json?.ok ? declaredFormat(json.value) : 1;
}

function checkScenario(path: string, text: string, folderName: string, problems: StoryProblem[]): Scenario | undefined {
  const json = parseJsonText(text);
  if (!json.ok) {
    problems.push({ file: path, line: json.line, column: json.column, field: '', reason: json.reason });
    return undefined;
  }
  const parsed = scenarioSchema.safeParse(json.value, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: path, ...json.locate(issue.path), field: fieldPath(issue.path), reason: zodReason(issue) });
    }
    return undefined;
  }
  if (parsed.data.id !== folderName) {
    problems.push({ file: path, ...json.locate(['id']), field: 'id', reason: `scenario id "${parsed.data.id}" must equal its folder name "${folderName}"` });
    return undefined;
  }
  return parsed.data;
}

function idAt(raw: unknown, index: number): string | undefined {
  if (!Array.isArray(raw)) return undefined;
  const item: unknown = raw[index];
  if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string') return item.id;
  return undefined;
}

function checkEvents(
  path: string,
  text: string,
  sourceText: string | undefined,
  sourceName: string | undefined,
  format: StoryFormat,
  problems: StoryProblem[],
): StoryEvent[] | undefined {
  const json = parseJsonText(text);
  if (!json.ok) {
    problems.push({ file: path, line: json.line, column: json.column, field: '', reason: json.reason });
    return undefined;
  }
  if (!Array.isArray(json.value)) {
    problems.push({ file: path, line: 1, column: 1, field: '', reason: 'expected an array of events' });
    return undefined;
  }
  const raw: unknown[] = json.value;
  const before = problems.length;
  const events: StoryEvent[] = [];
  const parsedAt = new Map<number, StoryEvent>();
  const at = (index: number, field: ReadonlyArray<PropertyKey>, reason: string): StoryProblem => ({
    file: path,
    ...json.locate([index, ...field]),
    eventIndex: index,
    ...(idAt(raw, index) !== undefined && { eventId: idAt(raw, index) }),
    field: fieldPath(field),
    reason,
  });

  const eventSchema = storyEventSchemaFor(format);
  raw.forEach((item, index) => {
    const parsed = eventSchema.safeParse(item, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(at(index, issue.path, zodReason(issue)));
      return;
    }
    const event = parsed.data;
    events.push(event);
    parsedAt.set(index, event);
    const { time } = event;
    if (time.kind === 'range' && time.start && time.end) {
      const span = eventSpan(event);
      const endStart = span.endMs ?? span.anchorMs;
      if (span.startMs !== null && endStart <= span.startMs) {
        problems.push(at(index, ['time', 'end'], `end ${time.end.date} is before its start ${time.start.date}`));
      }
    }
    if (sourceText !== undefined && sourceName !== undefined) {
      const reason = quoteProblem(event.quote, sourceText, sourceName);
      if (reason) problems.push(at(index, ['quote', reason.field], reason.reason));
      for (const name of actorNameProblems(event, sourceText, sourceName)) problems.push(at(index, name.field, name.reason));
    }
  });

  const firstIndexById = new Map<string, number>();
  raw.forEach((_, index) => {
    const id = idAt(raw, index);
    if (id === undefined) return;
    const first = firstIndexById.get(id);
    if (first === undefined) firstIndexById.set(id, index);
    else problems.push(at(index, ['id'], `duplicate id "${id}": already used by the event at index ${first}`));
  });
  parsedAt.forEach((event, index) => {
    event.related?.forEach((relatedId, r) => {
      if (!firstIndexById.has(relatedId)) problems.push(at(index, ['related', r], `no event has the id "${relatedId}"`));
      else if (relatedId === event.id) problems.push(at(index, ['related', r], 'an event cannot be related to itself'));
    });
  });

  return problems.length === before ? events : undefined;
}
