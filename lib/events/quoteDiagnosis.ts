import { alignedPairs, nearestMatch, occurrences } from './approximateMatch';
import { foldTypography, originalRange, typographicKind, type FoldedText, type TypographicKind } from './typography';

/** Where quote and passage first differ, comparing them character by character from their starts. */
export interface FirstDifference {
  /** Offset in the quote's text, and in the source (not in the passage). */
  quoteOffset: number;
  sourceOffset: number;
  /** The differing characters; null where that side has already ended. */
  quoteChar: string | null;
  sourceChar: string | null;
}

/** One kind of look-alike difference: the quote has `quoteChars` where the source has `sourceChars`, `count` times. */
export interface TypographicDifference {
  kind: TypographicKind;
  quoteChars: string;
  sourceChars: string;
  count: number;
}

export interface NearestPassage {
  start: number;
  end: number;
  text: string;
  /** Edits (ignoring typographic look-alikes) between the quote and the passage; 0 when only typography differs. */
  distance: number;
  firstDifference: FirstDifference;
  typographic: TypographicDifference[];
}

/** Why a quote does not stand at its offsets: where it stands verbatim instead, or the nearest passage. */
export interface QuoteMismatch {
  /** Every place the quote's text stands verbatim in the source. */
  occurrences: Array<{ start: number; end: number }>;
  /** When it stands nowhere verbatim: the closest passage, if any comes close. */
  nearest?: NearestPassage;
}

/** A passage further than this share of the quote's length (in edits) is not shown as "nearest". */
const MAX_EDIT_SHARE = 0.5;

const isLowSurrogate = (text: string, index: number) => /[\uDC00-\uDFFF]/.test(text[index] ?? '');

/** The whole character (one code point, so one or two code units) at a code-unit index; null past the end. */
function charAt(text: string, index: number): string | null {
  const code = text.codePointAt(index);
  return code === undefined ? null : String.fromCodePoint(code);
}

function firstDifference(quote: string, passage: string, passageStart: number): FirstDifference {
  let i = 0;
  while (i < quote.length && i < passage.length && quote[i] === passage[i]) i++;
  // Two characters outside the BMP that differ only in their second code unit: the difference starts at the first.
  if (i > 0 && (isLowSurrogate(quote, i) || isLowSurrogate(passage, i))) i--;
  return { quoteOffset: i, sourceOffset: passageStart + i, quoteChar: charAt(quote, i), sourceChar: charAt(passage, i) };
}

function countInvisible(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text) if (typographicKind(char) === 'invisible') counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/** The look-alike characters that differ between a quote and its passage, grouped by pair of characters. */
export function typographicDifferences(quote: string, passage: string, foldedDistance: number): TypographicDifference[] {
  const q = foldTypography(quote);
  const p = foldTypography(passage);
  const pairs = alignedPairs(q.text, p.text, foldedDistance) ?? [];
  const seen = new Set<string>();
  const groups = new Map<string, TypographicDifference>();
  const count = (kind: TypographicKind, quoteChars: string, sourceChars: string, times = 1) => {
    const key = `${quoteChars}\u0000${sourceChars}`;
    const group = groups.get(key) ?? { kind, quoteChars, sourceChars, count: 0 };
    group.count += times;
    groups.set(key, group);
  };
  for (const [fq, fp] of pairs) {
    const qi = q.origin[fq] as number;
    const pi = p.origin[fp] as number;
    const qc = quote[qi] as string;
    const pc = passage[pi] as string;
    if (qc === pc) continue;
    // An ellipsis folds to three dots: count it once, by the index of the ellipsis.
    const key = qc === '\u2026' ? `q${qi}` : pc === '\u2026' ? `p${pi}` : `${qi}:${pi}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const kind = typographicKind(qc) ?? typographicKind(pc) ?? 'ellipsis';
    count(kind, qc === '.' ? '...' : qc, pc === '.' ? '...' : pc);
  }
  const inQuote = countInvisible(quote);
  const inPassage = countInvisible(passage);
  for (const char of new Set([...inQuote.keys(), ...inPassage.keys()])) {
    const extra = (inQuote.get(char) ?? 0) - (inPassage.get(char) ?? 0);
    if (extra > 0) count('invisible', char, '', extra);
    if (extra < 0) count('invisible', '', char, -extra);
  }
  return [...groups.values()];
}

/** The last source folded: a story's mismatched quotes are usually looked up in the same source, one after another. */
let lastFolded: { source: string; folded: FoldedText } | undefined;

function foldedSource(source: string): FoldedText {
  if (lastFolded?.source !== source) lastFolded = { source, folded: foldTypography(source) };
  return lastFolded.folded;
}

/** The passage of the source closest to the quote, ignoring typographic look-alikes; null when none comes close. */
export function nearestPassage(quote: string, source: string, near = 0): NearestPassage | null {
  const q = foldTypography(quote);
  if (q.text === '') return null;
  const s = foldedSource(source);
  const nearFolded = Math.max(0, s.origin.findIndex((original) => original >= near));
  const match = nearestMatch(s.text, q.text, nearFolded);
  if (!match || match.distance > q.text.length * MAX_EDIT_SHARE) return null;
  const { start, end } = originalRange(s, match.start, match.end, source.length);
  const text = source.slice(start, end);
  return {
    start,
    end,
    text,
    distance: match.distance,
    firstDifference: firstDifference(quote, text, start),
    typographic: typographicDifferences(quote, text, match.distance),
  };
}

/** Where a quote's text stands in the source, when it is not at its offsets; null when it is. */
export function diagnoseQuote(quote: { text: string; start: number; end: number }, source: string): QuoteMismatch | null {
  if (source.slice(quote.start, quote.end) === quote.text) return null;
  const found = occurrences(source, quote.text).map((start) => ({ start, end: start + quote.text.length }));
  if (found.length > 0) return { occurrences: found };
  const nearest = nearestPassage(quote.text, source, quote.start);
  return nearest ? { occurrences: [], nearest } : { occurrences: [] };
}
