import type { Passage } from './passageOffsets';

/** One place where a passage occurs in the source text, with a little of the text around it. */
export interface Occurrence extends Passage {
  before: string;
  after: string;
}

const CONTEXT_UNITS = 40;

/** Every occurrence of `passage` in `text` (overlapping ones too), in text order. */
export function occurrencesOf(text: string, passage: string, contextUnits = CONTEXT_UNITS): Occurrence[] {
  if (passage === '') return [];
  const found: Occurrence[] = [];
  for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) {
    const end = at + passage.length;
    found.push({
      text: passage,
      start: at,
      end,
      before: text.slice(Math.max(0, at - contextUnits), at).replace(/\s+/g, ' '),
      after: text.slice(end, end + contextUnits).replace(/\s+/g, ' '),
    });
  }
  return found;
}
