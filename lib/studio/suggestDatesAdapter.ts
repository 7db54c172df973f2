import type { StoryTime } from '../events/schema';

/**
 * The studio's date suggestions for a quote. The contract (lib/studio/dateSuggestions.ts, written apart) is
 * `suggestDates(input): DateSuggestion[]`, best first. Until it lands, this adapter gives the contract's default
 * only — "before publication" — so that the studio works; once it lands, this file re-exports it.
 */
export interface DateSuggestion {
  time: StoryTime;
  words: string;
  start: number;
  end: number;
  source: 'sentence' | 'paragraph' | 'default';
}

export interface DateSuggestionInput {
  text: string;
  quoteStart: number;
  quoteEnd: number;
  /** YYYY-MM-DD */
  published: string;
}

export function suggestDates(input: DateSuggestionInput): DateSuggestion[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.published)) return [];
  return [
    {
      time: { kind: 'range', end: { date: input.published, precision: 'day' }, asWritten: 'before publication' },
      words: '',
      start: input.quoteStart,
      end: input.quoteStart,
      source: 'default',
    },
  ];
}
