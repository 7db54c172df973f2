import type { DatePrecision } from '../events/precision';
import type { EventType } from '../events/eventTypes';
import type { StoryTime } from '../events/schema';
import type { Passage } from './passageOffsets';

/** The source file every studio story keeps its text in. */
export const STUDIO_SOURCE_FILE = 'article.txt';

/** How a reported figure is qualified in the source: "26", "at least 26", "about 26", "more than 26". */
export const CASUALTY_QUALIFIERS = ['exact', 'at-least', 'about', 'more-than'] as const;
export type CasualtyQualifier = (typeof CASUALTY_QUALIFIERS)[number];
export const CASUALTY_QUALIFIER_WORDS: Readonly<Record<CasualtyQualifier, string>> = {
  exact: 'exactly',
  'at-least': 'at least',
  about: 'about',
  'more-than': 'more than',
};

export const CASUALTY_FIELDS = ['killed', 'childrenKilled', 'injured'] as const;
export type CasualtyField = (typeof CASUALTY_FIELDS)[number];

/** A figure as typed: empty means "not reported" (never zero). */
export interface DraftCount {
  value: string;
  qualifier: CasualtyQualifier;
}

/** An event's time as the form edits it: a dated period, or a range with either bound optional. */
export interface DraftTime {
  mode: 'point' | 'range';
  date: string;
  precision: DatePrecision;
  startDate: string;
  startPrecision: DatePrecision;
  endDate: string;
  endPrecision: DatePrecision;
  asWritten: string;
}

export interface DraftActor {
  name: string;
  role: string;
}

export interface DraftEvent {
  id: string;
  type: EventType;
  title: string;
  summary: string;
  time: DraftTime;
  actors: DraftActor[];
  place: string;
  casualties: Record<CasualtyField, DraftCount>;
  quote: Passage;
  attribution: string;
  importance: number;
  related: string[];
  /** Kept as loaded (the studio does not edit them): the event's tags and its place's coordinates. */
  tags: string[];
  coordinates?: Record<string, unknown>;
}

export interface DraftScenario {
  id: string;
  title: string;
  summary: string;
  /** YYYY-MM-DD */
  published: string;
  /** HH:MM, optional: the story format keeps the day only, so the time goes into the citation. */
  publishedTime: string;
  sourceName: string;
  sourceUrl: string;
  /** The source's file name in the story folder. */
  sourceFile: string;
}

export interface DraftStory {
  scenario: DraftScenario;
  events: DraftEvent[];
  sourceText: string;
}

const EMPTY_COUNT: DraftCount = { value: '', qualifier: 'exact' };

export function emptyTime(published: string): DraftTime {
  return { mode: 'range', date: '', precision: 'day', startDate: '', startPrecision: 'day', endDate: published, endPrecision: 'day', asWritten: '' };
}

/** A new event quoting `quote`, its other fields left for the person (the checker lists what is missing). */
export function newDraftEvent(id: string, quote: Passage, published: string): DraftEvent {
  return {
    id,
    type: 'statement',
    title: '',
    summary: '',
    time: emptyTime(published),
    actors: [],
    place: '',
    casualties: { killed: { ...EMPTY_COUNT }, childrenKilled: { ...EMPTY_COUNT }, injured: { ...EMPTY_COUNT } },
    quote,
    attribution: '',
    importance: 2,
    related: [],
    tags: [],
  };
}

/** The form's time from a time of the story format (a date suggestion's), keeping what the other mode had. */
export function draftTimeFrom(time: StoryTime, previous: DraftTime): DraftTime {
  if (time.kind === 'point') return { ...previous, mode: 'point', date: time.date, precision: time.precision, asWritten: time.asWritten };
  return {
    ...previous,
    mode: 'range',
    startDate: time.start?.date ?? '',
    startPrecision: time.start?.precision ?? 'day',
    endDate: time.end?.date ?? '',
    endPrecision: time.end?.precision ?? 'day',
    asWritten: time.asWritten,
  };
}

/** The scenario's citation: the source's name, with the publication time when one is given. */
export function citationOf(scenario: DraftScenario): string {
  const name = scenario.sourceName.trim();
  const time = scenario.publishedTime.trim();
  return time && scenario.published ? `${name} (published ${scenario.published} ${time})` : name;
}
