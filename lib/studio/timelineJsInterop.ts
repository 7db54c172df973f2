import { slugFromTitle } from './slugFromTitle';
import { eventTypeLabel } from '../events/eventTypeLabels';
import { isSlug } from '../events/eventTypes';
import type { Scenario, StoryEvent } from '../events/schema';
import { draftFromFields, reportDuplicateIds, type DraftOptions, type ImportProblem, type ImportResult, type RawEventFields } from './draftEvent';
import { escapeHtml, htmlToText } from './htmlText';
import { readTimelineJsDate, sameTimelineJsDate, storyTimeOfTimelineJs, timelineJsDates, type TimelineJsDate } from './timelineJsDates';
import { readStoryTime, storyTimeToJson, type StoryTimeJson } from './storyTimeJson';

/**
 * What TimelineJS cannot carry of an event, kept beside the slide under `sitrep` (TimelineJS ignores keys it does
 * not know). The slide's own fields stay the truth for what they carry: `unique_id` is the id, the headline the
 * title, the text the summary, the dates the time (the kept time is used only while it still gives those dates).
 */
export interface SitrepSlideFields {
  format: typeof SITREP_SLIDE_FORMAT;
  type: StoryEvent['type'];
  time: StoryTimeJson;
  actors: StoryEvent['actors'];
  location?: StoryEvent['location'];
  casualties?: StoryEvent['casualties'];
  quote: StoryEvent['quote'];
  attribution: string;
  importance: number;
  tags: string[];
  related?: string[];
}
export const SITREP_SLIDE_FORMAT = 'sitrep-event-1';

export interface TimelineJsSlide {
  unique_id?: string;
  start_date?: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text?: { headline?: string; text?: string };
  group?: string;
  media?: { url: string; caption?: string; credit?: string };
  sitrep?: SitrepSlideFields;
}

export interface TimelineJsDocument {
  title?: TimelineJsSlide;
  events: TimelineJsSlide[];
  scale?: 'human' | 'cosmological';
}

/** One event as a TimelineJS slide: headline, text, covering dates, the type as the group, the quote as media. */
export function eventSlide(event: StoryEvent): TimelineJsSlide {
  return {
    unique_id: event.id,
    ...timelineJsDates(event.time),
    text: { headline: escapeHtml(event.title), text: escapeHtml(event.summary) },
    group: eventTypeLabel(event.type),
    // TimelineJS shows a media URL that starts with <blockquote> as a quotation.
    media: { url: `<blockquote>${escapeHtml(event.quote.text)}</blockquote>`, credit: escapeHtml(event.attribution) },
    sitrep: {
      format: SITREP_SLIDE_FORMAT,
      type: event.type,
      time: storyTimeToJson(event.time),
      actors: event.actors,
      ...(event.location && { location: event.location }),
      ...(event.casualties && { casualties: event.casualties }),
      quote: event.quote,
      attribution: event.attribution,
      importance: event.importance,
      tags: event.tags,
      ...(event.related && { related: event.related }),
    },
  };
}

/** A story as TimelineJS JSON: the title slide from the scenario, one slide per event in story order. */
export function exportTimelineJs(scenario: Pick<Scenario, 'title' | 'summary'>, events: readonly StoryEvent[]): TimelineJsDocument {
  return {
    title: { text: { headline: escapeHtml(scenario.title), text: escapeHtml(scenario.summary) } },
    events: events.map(eventSlide),
    scale: 'human',
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? htmlToText(value) || undefined : undefined);

const BLOCKQUOTE = /^\s*<blockquote[^>]*>([\s\S]*)<\/blockquote>\s*$/i;

/** The time of a slide: the kept Sitrep time while it still gives the slide's dates, else the slide's dates. */
function slideTime(slide: Record<string, unknown>, kept: Record<string, unknown> | undefined, report: (field: string, reason: string) => void): unknown {
  const start = readTimelineJsDate(slide.start_date, 'start_date');
  if (!start.ok) return report(start.field, start.reason), undefined;
  let end: TimelineJsDate | undefined;
  if (slide.end_date !== undefined) {
    const read = readTimelineJsDate(slide.end_date, 'end_date');
    if (!read.ok) return report(read.field, read.reason), undefined;
    end = read.value;
  }
  if (kept?.time !== undefined) {
    const keptTime = readStoryTime(kept.time);
    if (keptTime.ok) {
      const expected = timelineJsDates(keptTime.value);
      if (sameTimelineJsDate(expected.start_date, start.value) && sameTimelineJsDate(expected.end_date, end)) return kept.time;
      report('start_date', 'the dates were changed since export: the time is read from the dates (check its precision and words)');
    } else {
      report(`sitrep.${keptTime.field}`, keptTime.reason);
    }
  }
  const words = textOf(slide.display_date) ?? textOf(start.value.display_date) ?? '';
  const time = storyTimeOfTimelineJs(start.value, end, words);
  if (!time.ok) return report(time.field, time.reason), undefined;
  return storyTimeToJson(time.value);
}

export function slideFields(slide: Record<string, unknown>, origin: string, problems: ImportProblem[]): RawEventFields {
  const report = (field: string, reason: string) => problems.push({ origin, field, reason });
  const kept = isRecord(slide.sitrep) && slide.sitrep.format === SITREP_SLIDE_FORMAT ? slide.sitrep : undefined;
  if (slide.sitrep !== undefined && !kept) report('sitrep', `not Sitrep's kept fields (expected format "${SITREP_SLIDE_FORMAT}"): ignored`);
  const text = isRecord(slide.text) ? slide.text : {};
  const title = textOf(text.headline);
  const media = isRecord(slide.media) ? slide.media : undefined;
  const quoteInMedia = typeof media?.url === 'string' ? BLOCKQUOTE.exec(media.url)?.[1] : undefined;
  if (media && quoteInMedia === undefined) report('media', 'media are not imported (a story event has none)');

  let id: string | undefined;
  if (typeof slide.unique_id === 'string' && isSlug(slide.unique_id)) id = slide.unique_id;
  else {
    id = slugFromTitle(typeof slide.unique_id === 'string' && slide.unique_id.trim() ? slide.unique_id : (title ?? '')) || undefined;
    if (id && typeof slide.unique_id === 'string') report('unique_id', `"${slide.unique_id}" is not an id: the draft uses "${id}"`);
  }
  const time = slideTime(slide, kept, report);
  const { format: _format, time: _time, ...keptFields } = kept ?? {};
  const group = textOf(slide.group);
  return {
    ...keptFields,
    id,
    title,
    summary: textOf(text.text),
    ...(time !== undefined && { time }),
    ...(keptFields.type === undefined && group !== undefined && { type: group }),
    ...(keptFields.quote === undefined && quoteInMedia !== undefined && { quote: { text: htmlToText(quoteInMedia) } }),
    ...(keptFields.attribution === undefined && media && { attribution: textOf(media.credit) }),
  };
}

/**
 * Reads a TimelineJS JSON file as draft events. A slide exported by Sitrep comes back whole; any other slide gives
 * what TimelineJS has (id, headline, text, dates, display words, the group as the type when it names one) and needs
 * the rest — always a quote picked in the source.
 */
export function importTimelineJs(text: string, options: DraftOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return { drafts: [], problems: [{ origin: 'file', field: '', reason: `not JSON: ${(error as Error).message}` }] };
  }
  if (!isRecord(doc) || !Array.isArray(doc.events)) {
    return { drafts: [], problems: [{ origin: 'file', field: 'events', reason: 'not a TimelineJS file: expected an object with an "events" list' }] };
  }
  if (Array.isArray(doc.eras) && doc.eras.length > 0) problems.push({ origin: 'file', field: 'eras', reason: 'eras are not imported (a story has none)' });
  const drafts = doc.events.flatMap((slide: unknown, index) => {
    const origin = `events[${index}]`;
    if (!isRecord(slide)) return problems.push({ origin, field: '', reason: 'expected a slide object' }), [];
    return [draftFromFields(slideFields(slide, origin, problems), origin, options, problems)];
  });
  reportDuplicateIds(drafts, problems);
  const title = isRecord(doc.title) && isRecord(doc.title.text) ? doc.title.text : undefined;
  return { drafts, problems, ...(textOf(title?.headline) && { title: textOf(title?.headline) }), ...(textOf(title?.text) && { summary: textOf(title?.text) }) };
}
