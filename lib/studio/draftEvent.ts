import { EVENT_TYPE_WORDS } from '../events/eventTypeLabels';
import { EVENT_TYPES, isSlug, type EventType } from '../events/eventTypes';
import { quoteProblem } from '../events/quoteCheck';
import type { Actor, Casualties, Location, StoryEvent, StoryTime } from '../events/schema';
import { readStoryTime } from './storyTimeJson';

/**
 * A draft event: what an imported file gives for one event, checked field by field. A field the file gets wrong is
 * left out (and named in a problem), never guessed; `needs` lists what the person must still give before the draft
 * is an event. A draft without a verifiable quote (its text at offsets that hold it) always needs one: the studio
 * then asks the person to pick the passage.
 */
export interface DraftEvent {
  /** Where it came from, for people: "row 3" (CSV, the header is row 1) or "events[2]" (TimelineJS). */
  origin: string;
  id?: string;
  type?: EventType;
  title?: string;
  summary?: string;
  time?: StoryTime;
  actors: Actor[];
  location?: Location;
  casualties?: Casualties;
  /** Offsets only when the file gives them; the text alone is a hint for finding the passage. */
  quote?: { text: string; start?: number; end?: number };
  attribution?: string;
  importance?: number;
  tags: string[];
  related?: string[];
  needs: DraftNeed[];
}

/** `actors`: an actor's role (an actor the file names without a role is kept with an empty one). */
export type DraftNeed = 'id' | 'type' | 'title' | 'summary' | 'time' | 'actors' | 'quote' | 'attribution' | 'importance';

/** One thing wrong with an imported file: where (row or event, and field) and why. */
export interface ImportProblem {
  origin: string;
  field: string;
  reason: string;
}

export interface ImportResult {
  drafts: DraftEvent[];
  problems: ImportProblem[];
  /** The story's title and summary, when the file gives them (TimelineJS's title slide). */
  title?: string;
  summary?: string;
}

/** What a file gives for one event, in the shape of events.json, not yet checked. */
export type RawEventFields = Partial<Record<keyof StoryEvent, unknown>>;

export interface DraftOptions {
  /** The story's source text: when given, a quote must stand at its offsets in it to count as verified. */
  sourceText?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value));

type Report = (field: string, reason: string) => void;

function readText(value: unknown, field: string, maxChars: number, report: Report): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return report(field, `expected text, got ${shown(value)}`), undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (text.length > maxChars) return report(field, `must be at most ${maxChars} characters (it has ${text.length})`), undefined;
  return text;
}

/** An event type by its name or its label, in any case ("strike", "Strike"). */
function readType(value: unknown, report: Report): EventType | undefined {
  const text = readText(value, 'type', 40, report);
  if (text === undefined) return undefined;
  const wanted = text.toLowerCase();
  const type = EVENT_TYPES.find((t) => t === wanted || EVENT_TYPE_WORDS[t].label.toLowerCase() === wanted);
  if (!type) report('type', `unknown type ${shown(text)}: expected one of ${EVENT_TYPES.join(', ')}`);
  return type;
}

function readSlug(value: unknown, field: string, report: Report): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && isSlug(value)) return value;
  return report(field, `expected an id (lowercase letters and digits joined by hyphens), got ${shown(value)}`), undefined;
}

function readSlugs(value: unknown, field: string, report: Report): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return report(field, 'expected a list of ids'), [];
  return value.flatMap((item, i) => readSlug(item, `${field}[${i}]`, report) ?? []);
}

/** Actors: a name and a role each. One place to adapt when the format gains an actor's name as written. */
function readActors(value: unknown, report: Report): Actor[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return report('actors', 'expected a list of actors'), [];
  return value.flatMap((item, i) => {
    if (!isRecord(item)) return report(`actors[${i}]`, 'expected an actor with a name and a role'), [];
    const name = readText(item.name, `actors[${i}].name`, 120, report);
    const role = readText(item.role, `actors[${i}].role`, 200, report);
    if (name === undefined) return report(`actors[${i}].name`, 'an actor needs a name'), [];
    // An actor named without a role is kept (with an empty role) and the draft needs the role.
    if (role === undefined) report(`actors[${i}].role`, `${shown(name)} has no role: the draft needs it`);
    return [{ name, role: role ?? '' }];
  });
}

const COORDINATE_PRECISIONS = ['exact', 'city', 'region', 'country'] as const;

function readLocation(value: unknown, report: Report): Location | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return report('location', 'expected a place with a name'), undefined;
  const name = readText(value.name, 'location.name', 200, report);
  if (name === undefined) return report('location.name', 'a place needs a name'), undefined;
  const c = value.coordinates;
  if (c === undefined) return { name };
  if (!isRecord(c)) return report('location.coordinates', 'expected latitude, longitude and precision'), { name };
  const { lat, lon, precision } = c;
  if (typeof lat !== 'number' || lat < -90 || lat > 90) return report('location.coordinates.lat', `expected a latitude from -90 to 90, got ${shown(lat)}`), { name };
  if (typeof lon !== 'number' || lon < -180 || lon > 180) return report('location.coordinates.lon', `expected a longitude from -180 to 180, got ${shown(lon)}`), { name };
  const known = COORDINATE_PRECISIONS.find((p) => p === precision);
  if (!known) return report('location.coordinates.precision', `expected one of ${COORDINATE_PRECISIONS.join(', ')}, got ${shown(precision)}`), { name };
  return { name, coordinates: { lat, lon, precision: known } };
}

/** Casualties as reported: an absent figure is "not reported", never zero. One place to adapt for qualifiers. */
function readCasualties(value: unknown, report: Report): Casualties | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return report('casualties', 'expected casualty figures'), undefined;
  const casualties: Casualties = {};
  for (const key of ['killed', 'childrenKilled', 'injured'] as const) {
    const figure = value[key];
    if (figure === undefined) continue;
    if (isCount(figure)) casualties[key] = figure;
    else report(`casualties.${key}`, `expected a whole number of people, got ${shown(figure)} (a figure that is not a count is left out, never guessed)`);
  }
  if (casualties.killed !== undefined && casualties.childrenKilled !== undefined && casualties.childrenKilled > casualties.killed) {
    report('casualties.childrenKilled', `children killed (${casualties.childrenKilled}) exceeds killed (${casualties.killed})`);
    delete casualties.childrenKilled;
  }
  return Object.keys(casualties).length > 0 ? casualties : undefined;
}

function readQuote(value: unknown, options: DraftOptions, report: Report): { quote?: DraftEvent['quote']; verified: boolean } {
  if (value === undefined) return { verified: false };
  if (!isRecord(value)) return report('quote', 'expected a quote with its text'), { verified: false };
  const text = typeof value.text === 'string' && value.text.trim() !== '' ? value.text : undefined;
  if (text === undefined) return report('quote.text', 'a quote needs its text'), { verified: false };
  if (text.length > 2000) return report('quote.text', 'must be at most 2000 characters'), { verified: false };
  const { start, end } = value;
  if (start === undefined && end === undefined) return { quote: { text }, verified: false };
  if (!isCount(start) || !isCount(end) || end <= start) {
    report('quote.start', `expected offsets with end after start, got ${shown(start)}-${shown(end)}`);
    return { quote: { text }, verified: false };
  }
  const quote = { text, start, end };
  if (options.sourceText === undefined) return { quote, verified: end - start === text.length };
  const problem = quoteProblem(quote, options.sourceText, 'the source text');
  if (problem) report(`quote.${problem.field}`, problem.reason);
  return { quote, verified: problem === null };
}

function readImportance(value: unknown, report: Report): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 1 || value === 2 || value === 3) return value;
  return report('importance', `must be 1, 2 or 3, got ${shown(value)}`), undefined;
}

/** Checks what a file gives for one event, field by field, into a draft and the problems of its fields. */
export function draftFromFields(raw: RawEventFields, origin: string, options: DraftOptions, problems: ImportProblem[]): DraftEvent {
  const report: Report = (field, reason) => problems.push({ origin, field, reason });
  let time: StoryTime | undefined;
  if (raw.time !== undefined) {
    const checked = readStoryTime(raw.time, { wordsOptional: true });
    if (checked.ok) time = checked.value;
    else report(checked.field, checked.reason);
    if (time?.asWritten === '') report('time.asWritten', 'no words for the time: the draft needs the time as the source writes it');
  }
  const { quote, verified } = readQuote(raw.quote, options, report);
  const location = readLocation(raw.location, report);
  const casualties = readCasualties(raw.casualties, report);
  const related = raw.related === undefined ? undefined : readSlugs(raw.related, 'related', report);
  const draft: DraftEvent = {
    origin,
    id: readSlug(raw.id, 'id', report),
    type: readType(raw.type, report),
    title: readText(raw.title, 'title', 200, report),
    summary: readText(raw.summary, 'summary', 2000, report),
    time,
    actors: readActors(raw.actors, report),
    ...(location && { location }),
    ...(casualties && { casualties }),
    quote,
    attribution: readText(raw.attribution, 'attribution', 300, report),
    importance: readImportance(raw.importance, report),
    tags: readSlugs(raw.tags, 'tags', report),
    ...(related && related.length > 0 && { related }),
    needs: [],
  };
  const required = ['id', 'type', 'title', 'summary', 'time', 'attribution', 'importance'] as const;
  const missing: DraftNeed[] = required.filter((field) => draft[field] === undefined || (field === 'time' && draft.time?.asWritten === ''));
  if (draft.actors.some((actor) => actor.role === '')) missing.push('actors');
  draft.needs = [...missing, ...(verified ? [] : (['quote'] as const))];
  return draft;
}

/** The event a draft stands for, once it needs nothing more. */
export function draftToEvent(draft: DraftEvent): StoryEvent | undefined {
  const { id, type, title, summary, time, quote, attribution, importance } = draft;
  if (draft.needs.length > 0 || !id || !type || !title || !summary || !time || !attribution || importance === undefined) return undefined;
  if (!quote || quote.start === undefined || quote.end === undefined) return undefined;
  return {
    id,
    type,
    title,
    summary,
    time,
    actors: draft.actors,
    ...(draft.location && { location: draft.location }),
    ...(draft.casualties && { casualties: draft.casualties }),
    quote: { text: quote.text, start: quote.start, end: quote.end },
    attribution,
    importance,
    tags: draft.tags,
    ...(draft.related && { related: draft.related }),
  };
}

/** Names every draft whose id another draft already uses; the later one loses its id (and needs one). */
export function reportDuplicateIds(drafts: DraftEvent[], problems: ImportProblem[]): void {
  const firstById = new Map<string, DraftEvent>();
  for (const draft of drafts) {
    if (draft.id === undefined) continue;
    const first = firstById.get(draft.id);
    if (!first) {
      firstById.set(draft.id, draft);
      continue;
    }
    problems.push({ origin: draft.origin, field: 'id', reason: `duplicate id "${draft.id}": already used by ${first.origin}` });
    delete draft.id;
    draft.needs = ['id', ...draft.needs.filter((need) => need !== 'id')];
  }
}
