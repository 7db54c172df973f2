import type { Quote } from './schema';

/** The paragraph of the source that holds a quote, cut around it: `before + quote + after` is the paragraph. */
export interface SourcePassage {
  before: string;
  quote: string;
  after: string;
}

const LINE_BREAK = '\n';
const CARRIAGE_RETURN = '\r';

/** Where the paragraph holding `index` starts: just after the previous line break, or at the start of the text. */
function paragraphStart(text: string, index: number): number {
  if (index === 0) return 0;
  return text.lastIndexOf(LINE_BREAK, index - 1) + 1;
}

/** Where the paragraph holding the end of a passage ends (exclusive): at the next line break, or the end of the text. */
function paragraphEnd(text: string, passageEnd: number): number {
  const lineBreak = text.indexOf(LINE_BREAK, passageEnd);
  if (lineBreak === -1) return text.length;
  // A CRLF line end belongs to the break, not to the paragraph (unless the quote itself took the CR).
  return lineBreak > passageEnd && text[lineBreak - 1] === CARRIAGE_RETURN ? lineBreak - 1 : lineBreak;
}

/**
 * The paragraph (paragraphs are separated by line breaks) that contains the quote at `start`..`end` (end exclusive,
 * UTF-16 indices), split into the text before the quote, the quote, and the text after it. A quote that runs over
 * a line break gets every paragraph it touches. `null` when the offsets do not lie inside the text.
 */
export function sourcePassage(sourceText: string, quote: Pick<Quote, 'start' | 'end'>): SourcePassage | null {
  const { start, end } = quote;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > sourceText.length) return null;
  const from = paragraphStart(sourceText, start);
  const to = paragraphEnd(sourceText, end);
  return {
    before: sourceText.slice(from, start),
    quote: sourceText.slice(start, end),
    after: sourceText.slice(end, to),
  };
}
