import { parseCalendarDate, toCalendarDate } from '../events/calendar';
import type { StoryTime } from '../events/schema';
import { parseDateWords } from './chronoStudio';
import { contextAround, paragraphAround, sentencesAround, type TextSpan } from './textSpans';
import { bounded, readingWidth, readingsOf, type Boundary, type TimeReading } from './timeReadings';

/**
 * Dates from the words: the date expressions of a quote's sentence and paragraph ("on Monday", "last week",
 * "in fall 2022", "in recent weeks"), resolved against the publication day and snapped to the story format
 * (events/README.md). Pure: the only "now" is the publication day.
 */

export interface DateSuggestionInput {
  /** The whole source text. */
  text: string;
  /** The quote's offsets in `text` (UTF-16 code units, end exclusive). */
  quoteStart: number;
  quoteEnd: number;
  /** The publication day, YYYY-MM-DD. */
  published: string;
}

export interface DateSuggestion {
  /** A story time, with the words as written. */
  time: StoryTime;
  /** The words it came from, and their offsets in `text`; empty (at the quote's start) for the default. */
  words: string;
  start: number;
  end: number;
  source: 'sentence' | 'paragraph' | 'default';
}

/** What the default suggestion says: the source gives no date, so the event happened by publication. */
export const NOT_DATED = 'not dated in the source';

const MAX_AS_WRITTEN_CHARS = 200;

/** Words before a date that belong to it ("late Thursday", "on April 4", "after 1997"), at most two. */
const LEADING_WORD = /(?:^|[^\p{L}\p{N}])((?:late|early|on|in|during|over|within|throughout|since|from|after|before|by|until|till|mid)\s+)$/iu;
/** Punctuation chrono keeps after a date ("On Monday,"). */
const TRAILING_PUNCTUATION = /[\s,.;:]+$/u;
/** A preposition that the words "after …" do not need ("after April 4", not "after on April 4"). */
const LEADING_PREPOSITION = /^(?:on|in|during)\s+/iu;
const BOUNDARY_BY_WORD: Record<string, Boundary> = { since: 'since', from: 'since', after: 'after', before: 'before', by: 'by', until: 'by', till: 'by' };

/**
 * Where date words stand, which ranks them: inside the quote, elsewhere in its sentence, earlier in the paragraph
 * (a date carries forward to the sentences after it), or later in the paragraph (ranked after the default:
 * a date does not reach back to the sentences before it).
 */
const TIER = { quote: 0, sentence: 1, paragraphBefore: 2, after: 3, fallback: 4, paragraphAfter: 5 } as const;

function tierOf(start: number, end: number, quote: { quoteStart: number; quoteEnd: number }, sentence: TextSpan): number {
  if (start >= quote.quoteStart && end <= quote.quoteEnd) return TIER.quote;
  if (end > sentence.start && start < sentence.end) return TIER.sentence;
  return end <= sentence.start ? TIER.paragraphBefore : TIER.paragraphAfter;
}

interface Found {
  start: number;
  end: number;
  words: string;
  readings: TimeReading[];
  tier: number;
}

function withLeadingWords(text: string, start: number, floor: number): number {
  let from = start;
  for (let i = 0; i < 2; i++) {
    const match = LEADING_WORD.exec(text.slice(floor, from));
    if (!match?.[1]) break;
    from -= match[1].length;
  }
  return from;
}

function boundaryOf(words: string): Boundary | null {
  const first = /^\p{L}+/u.exec(words)?.[0].toLowerCase() ?? '';
  return BOUNDARY_BY_WORD[first] ?? null;
}

/** "the 2018 election": the year parser matches the article with the year; the words start at the year. */
const articleLength = (words: string) => /^(?:the|a|of)\s+(?=\d{4})/i.exec(words)?.[0].length ?? 0;

const asWritten = (words: string) => words.replace(/\s+/g, ' ').trim().slice(0, MAX_AS_WRITTEN_CHARS);

function toStoryTime(reading: TimeReading, written: string): StoryTime {
  return reading.kind === 'point'
    ? { kind: 'point', date: reading.date, precision: reading.precision, asWritten: written }
    : { kind: 'range', ...(reading.start && { start: reading.start }), ...(reading.end && { end: reading.end }), asWritten: written };
}

const readingKey = (reading: TimeReading) => JSON.stringify(reading);

/**
 * Date suggestions for a quote, best first: the dates in the quote, then elsewhere in its sentence, then earlier in
 * its paragraph (and, for a sentence without dates, "after" those), then the default — not dated, by publication —
 * unless a found date already says exactly that ("in recent weeks"), then dates later in the paragraph.
 * An invalid publication date gives no suggestions.
 */
export function suggestDates(input: DateSuggestionInput): DateSuggestion[] {
  const published = parseCalendarDate(input.published);
  if (!published.ok) return [];
  const publishedMs = published.ms;
  const { text } = input;
  const quoteStart = Math.min(Math.max(0, input.quoteStart), text.length);
  const quoteEnd = Math.min(Math.max(quoteStart, input.quoteEnd), text.length);
  const paragraph = paragraphAround(text, quoteStart, quoteEnd);
  const sentence = sentencesAround(text, quoteStart, quoteEnd);
  const context = contextAround(text, paragraph, sentence, quoteStart);

  const found: Found[] = [];
  for (const result of parseDateWords(text.slice(context.start, context.end), publishedMs)) {
    const start = withLeadingWords(text, context.start + result.index + articleLength(result.text), context.start);
    const rawEnd = context.start + result.index + result.text.length;
    const end = start + text.slice(start, rawEnd).replace(TRAILING_PUNCTUATION, '').length;
    const words = text.slice(start, end);
    const readings = readingsOf(result, publishedMs).map((reading) => bounded(reading, boundaryOf(words), publishedMs));
    if (readings.length === 0) continue;
    found.push({ start, end, words, readings, tier: tierOf(start, end, { quoteStart, quoteEnd }, sentence) });
  }
  found.sort((a, b) => a.tier - b.tier || readingWidth(a.readings[0]!) - readingWidth(b.readings[0]!) || a.start - b.start);

  const suggestions: DateSuggestion[] = [];
  const seen = new Set<string>();
  const add = (reading: TimeReading, written: string, from: Omit<DateSuggestion, 'time'>) => {
    const key = readingKey(reading);
    if (seen.has(key)) return;
    seen.add(key);
    suggestions.push({ time: toStoryTime(reading, written), ...from });
  };
  const publishedDay = { date: toCalendarDate(publishedMs), precision: 'day' as const };
  const emit = (items: Found[]) => {
    for (const item of items) {
      const source = item.tier <= TIER.sentence ? 'sentence' : 'paragraph';
      for (const reading of item.readings) add(reading, asWritten(item.words), { words: item.words, start: item.start, end: item.end, source });
    }
  };
  emit(found.filter((item) => item.tier < TIER.after));
  // A sentence without dates after a dated one: what it tells may follow that date ("after April 4").
  if (!found.some((item) => item.tier <= TIER.sentence)) {
    for (const item of found) {
      const first = item.readings[0];
      if (item.tier !== TIER.paragraphBefore || first?.kind !== 'point' || Date.parse(first.date) > publishedMs) continue;
      const reading: TimeReading = { kind: 'range', start: { date: first.date, precision: first.precision }, end: publishedDay };
      const written = asWritten(`${NOT_DATED}; after ${item.words.replace(LEADING_PREPOSITION, '')}`);
      add(reading, written, { words: item.words, start: item.start, end: item.end, source: 'paragraph' });
    }
  }
  add({ kind: 'range', end: publishedDay }, NOT_DATED, { words: '', start: quoteStart, end: quoteStart, source: 'default' });
  emit(found.filter((item) => item.tier > TIER.after));
  return suggestions;
}
