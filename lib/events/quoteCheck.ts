import { assertNever } from '../assertNever';
import { diagnoseQuote, type FirstDifference, type NearestPassage, type QuoteMismatch, type TypographicDifference } from './quoteDiagnosis';
import type { Quote } from './schema';
import { describeChar, unicodeName } from './typography';

/** How many verbatim occurrences a message lists before "and N more". */
const LISTED_OCCURRENCES = 5;
/** Characters of the nearest passage shown on each side of its first difference. */
const EXCERPT_CONTEXT_CHARS = 30;

export interface QuoteProblem {
  field: 'text' | 'start';
  reason: string;
  mismatch: QuoteMismatch;
}

/** "16-74", "16-74 and 90-148", "1-2, 3-4, 5-6, 7-8, 9-10 and 3 more" */
export function listRanges(ranges: ReadonlyArray<{ start: number; end: number }>): string {
  const shown = ranges.slice(0, LISTED_OCCURRENCES).map((r) => `${r.start}-${r.end}`);
  const more = ranges.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

/** The passage, cut around its first difference when it is long. */
function excerpt(passage: NearestPassage): string {
  const at = passage.firstDifference.sourceOffset - passage.start;
  if (passage.text.length <= 2 * EXCERPT_CONTEXT_CHARS + 20) return JSON.stringify(passage.text);
  const from = Math.max(0, at - EXCERPT_CONTEXT_CHARS);
  const to = Math.min(passage.text.length, at + EXCERPT_CONTEXT_CHARS);
  return `${from > 0 ? '…' : ''}${JSON.stringify(passage.text.slice(from, to))}${to < passage.text.length ? '…' : ''}`;
}

function sideOf(chars: string): string {
  if (chars === '...') return '... (three U+002E FULL STOP)';
  return chars === '' ? 'nothing' : describeChar(chars);
}

function lowerName(char: string): string {
  return (unicodeName(char) ?? char).toLowerCase();
}

/** A short name for a look-alike difference: "curly vs straight quote", "en dash vs hyphen"… */
export function typographicLabel(difference: TypographicDifference): string {
  const { quoteChars: q, sourceChars: s } = difference;
  switch (difference.kind) {
    case 'quotation-mark': {
      const straight = (c: string) => c === "'" || c === '"';
      const curly = (c: string) => /[\u2018-\u201F]/.test(c);
      return (straight(q) && curly(s)) || (curly(q) && straight(s)) ? 'curly vs straight quote' : 'different quotation marks';
    }
    case 'dash':
      if (q === '-' || s === '-') return `${lowerName(q === '-' ? s : q)} vs hyphen`;
      return 'different dashes';
    case 'space':
      if (q === ' ' || s === ' ') {
        const other = q === ' ' ? s : q;
        return other === '\u00A0' ? 'non-breaking vs normal space' : `${lowerName(other)} vs normal space`;
      }
      return 'different spaces';
    case 'ellipsis':
      return 'ellipsis character vs three dots';
    case 'invisible':
      return `invisible ${lowerName(q || s)}`;
    default:
      return assertNever(difference.kind);
  }
}

/** "curly vs straight quote: the quote has ' (U+0027 APOSTROPHE) where the source has ’ (U+2019 …), 2 times" */
export function describeTypographicDifference(difference: TypographicDifference): string {
  const times = difference.count > 1 ? `, ${difference.count} times` : '';
  return `${typographicLabel(difference)}: the quote has ${sideOf(difference.quoteChars)} where the source has ${sideOf(difference.sourceChars)}${times}`;
}

/** "at offset 57 of the quote (offset 73 of the source): the quote has …, the source has …" */
export function describeFirstDifference(difference: FirstDifference): string {
  const where = `at offset ${difference.quoteOffset} of the quote (offset ${difference.sourceOffset} of the source)`;
  if (difference.quoteChar === null) return `${where}: the quote ends where the passage goes on with ${describeChar(difference.sourceChar ?? '')}`;
  if (difference.sourceChar === null) return `${where}: the passage ends where the quote goes on with ${describeChar(difference.quoteChar)}`;
  return `${where}: the quote has ${describeChar(difference.quoteChar)}, the source has ${describeChar(difference.sourceChar)}`;
}

function notFoundReason(sourceName: string, nearest: NearestPassage | undefined): string {
  const head = `quote not found verbatim in ${sourceName}`;
  if (!nearest) return `${head}, and no passage of it comes close`;
  const parts = [
    `${head}; nearest passage at ${nearest.start}-${nearest.end}: ${excerpt(nearest)}`,
    `first difference ${describeFirstDifference(nearest.firstDifference)}`,
  ];
  const [single] = nearest.typographic;
  if (nearest.distance === 0 && single && nearest.typographic.length === 1 && single.count === 1 && single.kind !== 'invisible') {
    // The first difference is the only one: name it, without describing its characters twice.
    parts[1] += ` (${typographicLabel(single)}, the only difference: copy the passage from the source)`;
  } else if (nearest.typographic.length > 0) {
    const only = nearest.distance === 0 ? ' (the only differences: copy the passage from the source)' : '';
    parts.push(`typographic differences${only}: ${nearest.typographic.map(describeTypographicDifference).join('; ')}`);
  }
  return parts.join('; ');
}

function offsetsReason(quote: Quote, sourceName: string, found: QuoteMismatch['occurrences']): string {
  const head = `offsets ${quote.start}-${quote.end} do not match the quote`;
  if (found.length === 1) return `${head}; it stands once in ${sourceName}, at ${listRanges(found)} (--fix sets them)`;
  return `${head}; it stands ${found.length} times in ${sourceName}, at ${listRanges(found)}: set start and end to the one meant`;
}

/** Why a quote is not the verbatim passage of the source at its offsets, or `null` when it is. */
export function quoteProblem(quote: Quote, source: string, sourceName: string): QuoteProblem | null {
  const mismatch = diagnoseQuote(quote, source);
  if (!mismatch) return null;
  if (mismatch.occurrences.length > 0) return { field: 'start', reason: offsetsReason(quote, sourceName, mismatch.occurrences), mismatch };
  return { field: 'text', reason: notFoundReason(sourceName, mismatch.nearest), mismatch };
}
