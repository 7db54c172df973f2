import type { Quote } from './schema';

const TYPOGRAPHIC = /[\u2018\u2019\u201A\u201B\u2032]/g;
const TYPOGRAPHIC_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033]/g;

function plainQuotes(text: string): string {
  return text.replace(TYPOGRAPHIC, "'").replace(TYPOGRAPHIC_DOUBLE, '"');
}

/** Why a quote is not the verbatim passage of the source at its offsets, or `null` when it is. */
export function quoteProblem(
  quote: Quote,
  source: string,
  sourceName: string,
): { field: 'text' | 'start'; reason: string } | null {
  if (source.slice(quote.start, quote.end) === quote.text) return null;
  const found = source.indexOf(quote.text);
  if (found >= 0) {
    const end = found + quote.text.length;
    return {
      field: 'start',
      reason: `offsets ${quote.start}-${quote.end} do not match the quote; it stands in ${sourceName} at ${found}-${end}`,
    };
  }
  const hint = plainQuotes(source).includes(plainQuotes(quote.text))
    ? ' (it differs only in quotation marks or apostrophes: copy them from the source)'
    : '';
  return { field: 'text', reason: `quote not found verbatim in ${sourceName}${hint}` };
}
