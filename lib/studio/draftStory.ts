import { CASUALTY_BREAKDOWN, CASUALTY_FIGURES, type CasualtyQualifier } from '../events/casualtyKinds';
import type { DatePrecision } from '../events/precision';
import type { EventType } from '../events/eventTypes';
import type { StoryTime } from '../events/schema';
import type { Passage } from './passageOffsets';

/** The source file every studio story keeps its text in. */
export const STUDIO_SOURCE_FILE = 'article.txt';

/** How a reported number is qualified in the source: "26", "at least 26", "about 26", "more than 26". */
export const CASUALTY_QUALIFIER_WORDS: Readonly<Record<CasualtyQualifier, string>> = {
  exact: 'exactly',
  'at-least': 'at least',
  'more-than': 'more than',
  about: 'about',
};

export type CasualtyField = (typeof CASUALTY_FIGURES)[number];
/** A figure's total and its breakdown, as the form edits them. */
export const FIGURE_PARTS = ['total', ...CASUALTY_BREAKDOWN] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];
export type DraftFigure = Record<FigurePart, DraftCount>;

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
  /** The name as the source spells it, when it differs from the usual one ("Mr. Putin"). */
  asWritten: string;
}

export interface DraftEvent {
  id: string;
  type: EventType;
  title: string;
  summary: string;
  time: DraftTime;
  actors: DraftActor[];
  place: string;
  casualties: Record<CasualtyField, DraftFigure>;
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

const emptyFigure = (): DraftFigure => ({
  total: { value: '', qualifier: 'exact' },
  civilians: { value: '', qualifier: 'exact' },
  military: { value: '', qualifier: 'exact' },
  children: { value: '', qualifier: 'exact' },
});

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
    casualties: { killed: emptyFigure(), injured: emptyFigure() },
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
