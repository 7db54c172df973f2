/**
 * Where a selected passage stands in the source text. The studio shows the source as paragraphs, each rendered as
 * exactly `text.slice(start, end)`; a selection inside them is measured in UTF-16 code units (as the DOM measures
 * it), so a position inside paragraph `i` at `n` units is the source offset `paragraphs[i].start + n`.
 */

export interface Paragraph {
  /** Offsets into the source text, UTF-16 code units, end exclusive. */
  start: number;
  end: number;
}

/** A passage of the source text: `text === source.slice(start, end)`. */
export interface Passage {
  text: string;
  start: number;
  end: number;
}

const BLANK_LINES = /\n[ \t\r]*\n\s*/g;

/** The paragraphs of a text: runs of text separated by blank lines, without the blank lines. */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? '')) s += 1;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e -= 1;
    if (e > s) paragraphs.push({ start: s, end: e });
  };
  for (const match of text.matchAll(BLANK_LINES)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return paragraphs;
}

/** A point of a selection: the paragraph it falls in and how many UTF-16 units of that paragraph precede it. */
export interface ParagraphPoint {
  paragraphIndex: number;
  unitsBefore: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The source offset of a point; `undefined` when the point is outside every paragraph. */
export function sourceOffsetOf(paragraphs: readonly Paragraph[], point: ParagraphPoint): number | undefined {
  const paragraph = paragraphs[point.paragraphIndex];
  if (!paragraph || point.unitsBefore < 0) return undefined;
  return Math.min(paragraph.start + point.unitsBefore, paragraph.end);
}

/**
 * The passage between two source offsets (in either order), without surrounding white space, and never splitting a
 * character outside the Basic Multilingual Plane (a surrogate pair): a boundary inside one moves outward.
 * `undefined` when nothing but white space is selected.
 */
export function passageBetween(text: string, a: number, b: number): Passage | undefined {
  let start = Math.max(0, Math.min(a, b));
  let end = Math.min(text.length, Math.max(a, b));
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (end <= start) return undefined;
  return { text: text.slice(start, end), start, end };
}

/** The passage selected between two paragraph points (anchor and focus, in either order). */
export function passageFromPoints(text: string, paragraphs: readonly Paragraph[], anchor: ParagraphPoint, focus: ParagraphPoint): Passage | undefined {
  const a = sourceOffsetOf(paragraphs, anchor);
  const b = sourceOffsetOf(paragraphs, focus);
  if (a === undefined || b === undefined) return undefined;
  return passageBetween(text, a, b);
}

/** The sentences of a paragraph, as passages: what keyboard users step through to quote without a selection. */
export function sentencesOf(text: string, paragraph: Paragraph): Passage[] {
  const sentences: Passage[] = [];
  const body = text.slice(paragraph.start, paragraph.end);
  const ENDS = /[.!?…]+["'\u201d\u2019)\]]*(?=\s|$)/g;
  let from = 0;
  const push = (to: number) => {
    const passage = passageBetween(text, paragraph.start + from, paragraph.start + to);
    if (passage) sentences.push(passage);
  };
  for (const match of body.matchAll(ENDS)) {
    const to = match.index + match[0].length;
    push(to);
    from = to;
  }
  push(body.length);
  return sentences;
}
