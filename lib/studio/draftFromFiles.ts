import { DATE_PRECISIONS, type DatePrecision } from '../events/precision';
import { EVENT_TYPES, type EventType } from '../events/eventTypes';
import { CASUALTY_BREAKDOWN, CASUALTY_QUALIFIERS, type CasualtyQualifier } from '../events/casualtyKinds';
import { emptyTime, type DraftCount, type DraftEvent, type DraftFigure, type DraftStory, type DraftTime } from './draftStory';

/**
 * A stored story's files as the studio's draft (the inverse of draftFiles). Lenient: a field of an unexpected shape
 * becomes empty, and the live check then says what is missing.
 */
type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
const precision = (value: unknown): DatePrecision => (DATE_PRECISIONS as readonly unknown[]).includes(value) ? (value as DatePrecision) : 'day';
const eventType = (value: unknown): EventType => (EVENT_TYPES as readonly unknown[]).includes(value) ? (value as EventType) : 'statement';

function timeFromFile(value: unknown, published: string): DraftTime {
  const time = obj(value);
  const base = emptyTime(published);
  const start = obj(time.start);
  const end = obj(time.end);
  if (time.date !== undefined) return { ...base, mode: 'point', date: str(time.date), precision: precision(time.precision), asWritten: str(time.asWritten) };
  return {
    ...base,
    mode: 'range',
    startDate: str(start.date),
    startPrecision: precision(start.precision),
    endDate: str(end.date),
    endPrecision: precision(end.precision),
    asWritten: str(time.asWritten),
  };
}

const EMPTY_COUNT: DraftCount = { value: '', qualifier: 'exact' };

/** `{ count, qualifier }` (format 2), or a bare number (format 1: exact). */
function countFromFile(value: unknown): DraftCount {
  if (typeof value === 'number') return { value: String(value), qualifier: 'exact' };
  const figure = obj(value);
  if (figure.count === undefined) return { ...EMPTY_COUNT };
  const qualifier = (CASUALTY_QUALIFIERS as readonly unknown[]).includes(figure.qualifier) ? (figure.qualifier as CasualtyQualifier) : 'exact';
  return { value: str(figure.count), qualifier };
}

function figureFromFile(value: unknown, children?: unknown): DraftFigure {
  const figure = obj(value);
  const parts = Object.fromEntries(CASUALTY_BREAKDOWN.map((part) => [part, countFromFile(figure[part])])) as Omit<DraftFigure, 'total'>;
  // Format 1 kept the children killed apart (`childrenKilled`).
  if (children !== undefined) parts.children = countFromFile(children);
  return { total: countFromFile(value), ...parts };
}

export function eventFromFile(value: unknown, published: string): DraftEvent {
  const event = obj(value);
  const quote = obj(event.quote);
  const casualties = obj(event.casualties);
  return {
    id: str(event.id),
    type: eventType(event.type),
    title: str(event.title),
    summary: str(event.summary),
    time: timeFromFile(event.time, published),
    actors: Array.isArray(event.actors) ? event.actors.map((actor) => ({ name: str(obj(actor).name), role: str(obj(actor).role), asWritten: str(obj(actor).asWritten) })) : [],
    place: str(obj(event.location).name),
    casualties: { killed: figureFromFile(casualties.killed, casualties.childrenKilled), injured: figureFromFile(casualties.injured) },
    quote: { text: str(quote.text), start: num(quote.start, 0), end: num(quote.end, 0) },
    attribution: str(event.attribution),
    importance: num(event.importance, 2),
    related: Array.isArray(event.related) ? event.related.map(str) : [],
    tags: Array.isArray(event.tags) ? event.tags.map(str) : [],
    ...(obj(event.location).coordinates !== undefined ? { coordinates: obj(obj(event.location).coordinates) } : {}),
  };
}

export function draftFromFiles(files: { scenario: unknown; events: unknown; sourceText: string }): DraftStory {
  const scenario = obj(files.scenario);
  const source = obj(scenario.source);
  const published = str(scenario.published);
  return {
    scenario: {
      id: str(scenario.id),
      title: str(scenario.title),
      summary: str(scenario.summary),
      published,
      publishedTime: '',
      sourceName: str(source.citation),
      sourceUrl: str(source.url),
      sourceFile: str(source.file),
    },
    events: Array.isArray(files.events) ? files.events.map((event) => eventFromFile(event, published)) : [],
    sourceText: files.sourceText,
  };
}
