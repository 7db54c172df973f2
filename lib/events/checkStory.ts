import { parse as parseTolerantly } from 'jsonc-parser';
import { actorNameProblems } from './actorNameCheck';
import { compareEvents, eventSpan } from './eventSpan';
import { parseJsonText } from './jsonText';
import { fieldPath, type StoryProblem } from './problems';
import { quoteProblem } from './quoteCheck';
import {
  quoteSchema,
  scenarioSchema,
  slugSchema,
  storyTimeSchema,
  type Quote,
  type Scenario,
  type StoryEvent,
  type StoryTime,
} from './schema';
import { CURRENT_STORY_FORMAT, declaredFormat, type StoryFormat } from './storyFormats';
import { storyEventSchemaFor } from './storyFormatUpgrade';
import { zodReason } from './zodReason';

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

/** The texts of a story's files, as read from its folder or as typed in the studio; `undefined`: no such file. */
export interface StoryTexts {
  /** The folder as shown in messages, e.g. `events/2025-04-putin-trump`. */
  folder: string;
  /** The folder's name, which must equal the scenario id; by default the last segment of `folder`. */
  folderName?: string;
  scenarioText: string | undefined;
  eventsText: string | undefined;
  /** The text of the source the quotes come from (the file the scenario names). */
  sourceText: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The source file a scenario names (`source.file`), read leniently: from a scenario with schema errors, or even
 * with a JSON syntax error, as long as that field can be made out. Lets the quotes be checked whatever else is wrong.
 */
export function sourceFileName(scenarioText: string): string | undefined {
  const value: unknown = parseTolerantly(scenarioText, [], { allowTrailingComma: true });
  const file = isRecord(value) && isRecord(value.source) ? value.source.file : undefined;
  return typeof file === 'string' && file !== '' ? file : undefined;
}

/** Validates a story folder's files without touching the disk. */
export function checkStory({ folder, folderName, files }: StoryFiles): StoryCheck {
  const scenarioText = files.get(SCENARIO_FILE);
  const sourceName = scenarioText === undefined ? undefined : sourceFileName(scenarioText);
  const sourceText = sourceName === undefined ? undefined : files.get(sourceName);
  return checkStoryTexts({ folder, folderName, scenarioText, eventsText: files.get(EVENTS_FILE), sourceText });
}

/** Problems of the scenario first, then of the events, each file in reading order (line, then column). */
function byPosition(scenarioPath: string) {
  const rank = (p: StoryProblem) => (p.file === scenarioPath ? 0 : 1);
  return (a: StoryProblem, b: StoryProblem) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Validates a story's texts in one pass: every problem of every file, each file checked as far as it can be
 * whatever is wrong with the others (a broken scenario does not stop the events being checked, a schema error in
 * an event does not stop its quote being checked against the source).
 */
export function checkStoryTexts(texts: StoryTexts): StoryCheck {
  const { folder, scenarioText, eventsText, sourceText } = texts;
  const folderName = texts.folderName ?? folder.split('/').filter(Boolean).at(-1) ?? folder;
  const problems: StoryProblem[] = [];
  const scenarioPath = `${folder}/${SCENARIO_FILE}`;
  const eventsPath = `${folder}/${EVENTS_FILE}`;
  if (scenarioText === undefined) problems.push({ file: scenarioPath, field: '', reason: 'file not found' });
  if (eventsText === undefined) problems.push({ file: eventsPath, field: '', reason: 'file not found' });

  const sourceName = scenarioText === undefined ? undefined : sourceFileName(scenarioText);
  const scenarioCheck = scenarioText === undefined ? undefined : checkScenario(scenarioPath, scenarioText, folderName, problems);
  if (scenarioCheck && sourceName !== undefined && sourceText === undefined) {
    const where = scenarioCheck.locate(['source', 'file']);
    problems.push({ file: scenarioPath, ...where, field: 'source.file', reason: `source file "${sourceName}" not found in ${folder}` });
  }
  const scenario = scenarioCheck?.scenario;
  const format = formatOfScenarioText(scenarioText);
  const events =
    eventsText === undefined ? undefined : checkEvents(eventsPath, eventsText, sourceText, sourceName ?? 'the source text', format, problems);

  problems.sort(byPosition(scenarioPath));
  if (problems.length > 0 || !scenario || !events || sourceText === undefined) {
    return { ok: false, problems };
  }
  return { ok: true, story: { scenario, events: [...events].sort(compareEvents), sourceText } };
}

/**
 * The story format scenario.json declares: format 1 when it names none. A scenario that cannot be read (missing, or
 * broken beyond a lenient reading) is taken to be of the current format, so that its events are still checked as a
 * new story's would be.
 */
function formatOfScenarioText(text: string | undefined): StoryFormat {
  const value: unknown = text === undefined ? undefined : parseTolerantly(text, [], { allowTrailingComma: true });
  return isRecord(value) ? declaredFormat(value) : CURRENT_STORY_FORMAT;
}

type Locate = (path: ReadonlyArray<PropertyKey>) => { line: number; column: number } | undefined;

function checkScenario(path: string, text: string, folderName: string, problems: StoryProblem[]): { scenario?: Scenario; locate: Locate } {
  const json = parseJsonText(text);
  if (!json.ok) {
    problems.push({ file: path, line: json.line, column: json.column, field: '', reason: json.reason });
    return { locate: () => undefined };
  }
  const parsed = scenarioSchema.safeParse(json.value, { reportInput: true });
  for (const issue of parsed.error?.issues ?? []) {
    problems.push({ file: path, ...json.locate(issue.path), field: fieldPath(issue.path), reason: zodReason(issue) });
  }
  // The id is compared with the folder name even when other fields are wrong (not when it is no slug: said above).
  const id = isRecord(json.value) ? json.value.id : undefined;
  if (typeof id === 'string' && slugSchema.safeParse(id).success && id !== folderName) {
    problems.push({ file: path, ...json.locate(['id']), field: 'id', reason: `scenario id "${id}" must equal its folder name "${folderName}"` });
    return { locate: json.locate };
  }
  return { scenario: parsed.data, locate: json.locate };
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
  sourceName: string,
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
    if (parsed.success) {
      events.push(parsed.data);
    } else {
      for (const issue of parsed.error.issues) problems.push(at(index, issue.path, zodReason(issue)));
    }
    // The time and the quote are checked further whenever they are usable, even if other fields of the event are not.
    const { time, quote } = parsed.success ? parsed.data : usableParts(item);
    if (time?.kind === 'range' && time.start && time.end) {
      const span = eventSpan({ time });
      const endStart = span.endMs ?? span.anchorMs;
      if (span.startMs !== null && endStart <= span.startMs) {
        problems.push(at(index, ['time', 'end'], `end ${time.end.date} is before its start ${time.start.date}`));
      }
    }
    if (quote && sourceText !== undefined) {
      const mismatch = quoteProblem(quote, sourceText, sourceName);
      if (mismatch) problems.push({ ...at(index, ['quote', mismatch.field], mismatch.reason), quoteMismatch: mismatch.mismatch });
    }
    if (parsed.success && sourceText !== undefined) {
      for (const name of actorNameProblems(parsed.data, sourceText, sourceName)) problems.push(at(index, name.field, name.reason));
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
  raw.forEach((item, index) => {
    const related: unknown = isRecord(item) ? item.related : undefined;
    if (!Array.isArray(related)) return;
    related.forEach((relatedId: unknown, r) => {
      // An id that is no slug is reported by the schema; one that is, is looked up among the events' ids.
      if (typeof relatedId !== 'string' || !slugSchema.safeParse(relatedId).success) return;
      if (!firstIndexById.has(relatedId)) problems.push(at(index, ['related', r], `no event has the id "${relatedId}"`));
      else if (relatedId === idAt(raw, index)) problems.push(at(index, ['related', r], 'an event cannot be related to itself'));
    });
  });

  return problems.length === before ? events : undefined;
}

/** The parts of an event that failed the schema which can still be checked: its time and its quote, if valid. */
function usableParts(item: unknown): { time?: StoryTime; quote?: Quote } {
  if (!isRecord(item)) return {};
  return { time: storyTimeSchema.safeParse(item.time).data, quote: quoteSchema.safeParse(item.quote).data };
}
