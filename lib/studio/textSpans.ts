/**
 * Sentences and paragraphs around a passage of a source text, as UTF-16 offsets (end exclusive).
 * Pure and language-light: paragraphs are separated by line breaks; sentences end at `.`, `!` or `?`
 * (with any closing quotes) followed by white space and a capital or a digit, unless the word before the full stop is a title or an initial.
 */

export interface TextSpan {
  start: number;
  end: number;
}

/** Words whose full stop does not end a sentence ("Mr. Putin", "U.S. president", "Sergey V. Lavrov"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'adm', 'sen', 'rep', 'gov',
  'pres', 'jr', 'sr', 'vs', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'etc',
]);

/** A stop, with any closing quotes, before white space and a capital or a digit ("?” they asked" goes on). */
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;

function isAbbreviation(text: string, stopIndex: number): boolean {
  if (text[stopIndex] !== '.') return false;
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, stopIndex - 12), stopIndex));
  const word = before?.[1]?.toLowerCase() ?? '';
  if (word.length === 1) return true; // an initial: "Sergey V. Lavrov"
  return ABBREVIATIONS.has(word);
}

/** Where the sentences of `text` end (offset just after the closing punctuation), in order. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const match of text.matchAll(SENTENCE_END)) {
    if (isAbbreviation(text, match.index)) continue;
    ends.push(match.index + match[0].length);
  }
  return ends;
}

/** The lines (paragraphs) of `text` that overlap [start, end); a paragraph ends at a line break. */
export function paragraphAround(text: string, start: number, end: number): TextSpan {
  const from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  const lastChar = Math.max(start, end - 1);
  const breakAfter = text.indexOf('\n', lastChar);
  const to = breakAfter === -1 ? text.length : breakAfter;
  return { start: start === 0 ? 0 : from, end: Math.max(to, from) };
}

/** The sentence or sentences of `text` that overlap [start, end), without surrounding white space. */
export function sentencesAround(text: string, start: number, end: number): TextSpan {
  const paragraph = paragraphAround(text, start, end);
  const body = text.slice(paragraph.start, paragraph.end);
  const ends = sentenceEnds(body).map((offset) => offset + paragraph.start);
  let from = paragraph.start;
  for (const stop of ends) if (stop <= start) from = stop;
  let to = paragraph.end;
  for (const stop of ends) {
    if (stop >= Math.max(end, start + 1)) {
      to = stop;
      break;
    }
  }
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return { start: from, end: to };
}

/** How far date words are looked for beyond the quote's sentences, and at most how much text is read. */
export const CONTEXT_CHARS = 1_500;
export const MAX_CONTEXT_CHARS = 10_000;

/**
 * The part of `paragraph` read for date words: the quote's sentences and up to CONTEXT_CHARS on each side,
 * at most MAX_CONTEXT_CHARS in all (a pasted text may be one huge paragraph), cut at white space.
 */
export function contextAround(text: string, paragraph: TextSpan, sentence: TextSpan, quoteStart: number): TextSpan {
  let start = Math.max(paragraph.start, sentence.start - CONTEXT_CHARS, quoteStart - CONTEXT_CHARS);
  let end = Math.min(paragraph.end, sentence.end + CONTEXT_CHARS, start + MAX_CONTEXT_CHARS);
  if (start > paragraph.start) {
    const space = text.slice(start, end).search(/\s/u);
    start = space === -1 ? end : start + space + 1;
  }
  if (end < paragraph.end) {
    const lastSpace = Math.max(text.lastIndexOf(' ', end - 1), text.lastIndexOf('\t', end - 1));
    end = lastSpace >= start ? lastSpace : start;
  }
  return { start, end };
}
