import { applyEdits, modify, type Edit, type JSONPath, type ModificationOptions } from 'jsonc-parser';
import { occurrences } from './approximateMatch';
import { parseJsonText } from './jsonText';

interface Range {
  start: number;
  end: number;
}

/** A quote whose offsets were set to the one place its text stands in the source. */
export interface FixedQuote {
  eventIndex: number;
  eventId?: string;
  /** The offsets as they were (`undefined` where one was missing or not a whole number). */
  was: { start?: number; end?: number };
  now: Range;
}

/** A quote whose offsets are wrong but could not be set: its text stands nowhere verbatim, or in several places. */
export interface UnfixedQuote {
  eventIndex: number;
  eventId?: string;
  /** Every place its text stands verbatim (empty: nowhere). */
  candidates: Range[];
}

export interface QuoteFixes {
  /** events.json with the fixed offsets; byte for byte the original everywhere else. */
  text: string;
  fixed: FixedQuote[];
  unfixed: UnfixedQuote[];
}

const FORMATTING: ModificationOptions = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const wholeNumber = (value: unknown): number | undefined => (Number.isInteger(value) ? (value as number) : undefined);

/**
 * Sets `quote.start`/`quote.end` of every event whose quote text stands exactly once in the source but not at its
 * offsets, editing only those two values in the text of events.json (the rest stays byte for byte as it was).
 * Lists the quotes with wrong offsets it cannot fix. The events are the JSON array of the file, or its `events`
 * array; a file that is neither (or not JSON) is left alone.
 */
export function fixQuoteOffsets(eventsText: string, sourceText: string): QuoteFixes {
  const json = parseJsonText(eventsText);
  const result: QuoteFixes = { text: eventsText, fixed: [], unfixed: [] };
  if (!json.ok) return result;
  // The events: the document itself, or its `events` array when the events come with other fields.
  const prefix: JSONPath = Array.isArray(json.value) ? [] : ['events'];
  const list: unknown = Array.isArray(json.value) ? json.value : isRecord(json.value) ? json.value.events : undefined;
  if (!Array.isArray(list)) return result;
  // Replacing values that exist: edits of the original text that never overlap, applied at once. Adding a missing
  // property: one at a time, each on the text the previous one left (two insertions at one place would collide).
  const edits: Edit[] = [];
  const additions: Array<{ path: JSONPath; value: number }> = [];
  list.forEach((item: unknown, eventIndex) => {
    if (!isRecord(item) || !isRecord(item.quote)) return;
    const quote = item.quote;
    const { text, start, end } = quote;
    if (typeof text !== 'string' || text === '') return;
    const was = { start: wholeNumber(start), end: wholeNumber(end) };
    if (was.start !== undefined && was.end !== undefined && sourceText.slice(was.start, was.end) === text) return;
    const eventId = typeof item.id === 'string' ? { eventId: item.id } : {};
    const candidates = occurrences(sourceText, text).map((at) => ({ start: at, end: at + text.length }));
    const [only] = candidates;
    if (candidates.length !== 1 || !only) {
      result.unfixed.push({ eventIndex, ...eventId, candidates });
      return;
    }
    for (const key of ['start', 'end'] as const) {
      const path = [...prefix, eventIndex, 'quote', key];
      if (key in quote) edits.push(...modify(eventsText, path, only[key], FORMATTING));
      else additions.push({ path, value: only[key] });
    }
    result.fixed.push({ eventIndex, ...eventId, was, now: only });
  });
  result.text = additions.reduce((text, { path, value }) => applyEdits(text, modify(text, path, value, FORMATTING)), applyEdits(eventsText, edits));
  return result;
}
