import { CASUALTY_BREAKDOWN, CASUALTY_FIGURES } from '../events/casualtyKinds';
import type { CasualtyField, DraftActor, DraftCount, DraftEvent, DraftFigure, DraftStory, DraftTime } from './draftStory';
import { STUDIO_SOURCE_FILE, citationOf } from './draftStory';

/** The story format the studio writes (events/README.md). */
export const STUDIO_STORY_FORMAT = 2;

/**
 * The story folder's files as the studio writes them (story format 2): what the checker reads and what the save
 * API stores. A field the person left empty is left out, so that the checker says it is missing.
 */

/** A typed figure as the file holds it: a whole number when it reads as one, else the text (the checker says why). */
function countToFile(count: DraftCount): number | string | undefined {
  const value = count.value.trim().replace(/[,\u00a0\u202f ]/g, '');
  if (value === '') return undefined;
  return /^\d+$/.test(value) ? Number(value) : count.value;
}

/** A number with its qualifier, or undefined when the person left it empty ("not reported"). */
function countWithQualifier(count: DraftCount): { count: number | string; qualifier: string } | undefined {
  const value = countToFile(count);
  return value === undefined ? undefined : { count: value, qualifier: count.qualifier };
}

function figureToFile(figure: DraftFigure): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = { ...countWithQualifier(figure.total) };
  for (const part of CASUALTY_BREAKDOWN) {
    const value = countWithQualifier(figure[part]);
    if (value) out[part] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Casualties in story format 2: each figure a total with its qualifier and/or a breakdown; empty ones left out. */
export function casualtiesToFile(casualties: Record<CasualtyField, DraftFigure>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const field of CASUALTY_FIGURES) {
    const figure = figureToFile(casualties[field]);
    if (figure) out[field] = figure;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function actorToFile(actor: DraftActor): Record<string, string> {
  const asWritten = actor.asWritten.trim();
  return { name: actor.name, role: actor.role, ...(asWritten && { asWritten }) };
}

const dated = (date: string, precision: string) => ({ date, precision });

export function timeToFile(time: DraftTime): Record<string, unknown> {
  if (time.mode === 'point') return { date: time.date, precision: time.precision, asWritten: time.asWritten };
  return {
    ...(time.startDate.trim() && { start: dated(time.startDate.trim(), time.startPrecision) }),
    ...(time.endDate.trim() && { end: dated(time.endDate.trim(), time.endPrecision) }),
    asWritten: time.asWritten,
  };
}

export function eventToFile(event: DraftEvent): Record<string, unknown> {
  const casualties = casualtiesToFile(event.casualties);
  const related = event.related.filter(Boolean);
  return {
    id: event.id,
    type: event.type,
    title: event.title,
    summary: event.summary,
    time: timeToFile(event.time),
    actors: event.actors.filter((actor) => actor.name.trim() || actor.role.trim()).map(actorToFile),
    ...(event.place.trim() && { location: { name: event.place.trim(), ...(event.coordinates && { coordinates: event.coordinates }) } }),
    ...(casualties && { casualties }),
    quote: { text: event.quote.text, start: event.quote.start, end: event.quote.end },
    attribution: event.attribution,
    importance: event.importance,
    tags: event.tags,
    ...(related.length > 0 && { related }),
  };
}

export function scenarioToFile(story: DraftStory): Record<string, unknown> {
  const { scenario } = story;
  return {
    format: STUDIO_STORY_FORMAT,
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    published: scenario.published,
    source: {
      file: scenario.sourceFile || STUDIO_SOURCE_FILE,
      citation: citationOf(scenario),
      ...(scenario.sourceUrl.trim() && { url: scenario.sourceUrl.trim() }),
    },
  };
}

export interface DraftFiles {
  scenario: Record<string, unknown>;
  events: Record<string, unknown>[];
  scenarioText: string;
  eventsText: string;
  sourceText: string;
}

/** The files of the draft, as objects (the save API's body) and as the JSON text the checker reads. */
export function draftFiles(story: DraftStory): DraftFiles {
  const scenario = scenarioToFile(story);
  const events = story.events.map(eventToFile);
  return {
    scenario,
    events,
    scenarioText: `${JSON.stringify(scenario, null, 2)}\n`,
    eventsText: `${JSON.stringify(events, null, 2)}\n`,
    sourceText: story.sourceText,
  };
}
