import type { Casualties } from '../events/casualtySchema';
import type { EventType } from '../events/eventTypes';
import type { Actor, Location, StoryEvent, StoryTime } from '../events/schema';
import { readActors, readCasualties, readImportance, readLocation, readQuote, readSlug, readSlugs, readText, readType, type Report } from './draftFields';
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
