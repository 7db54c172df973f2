/**
 * Small stories as the studio sends them (PUT /api/studio/stories/:id): a scenario, events in file form and a source
 * text. Quote offsets are found in the text (UTF-16 code units, as the story format counts them).
 */
export interface SaveBody {
  baseVersion: string | null;
  scenario: Record<string, unknown>;
  events: Record<string, unknown>[];
  sourceText: string;
}

/** One event quoting `quote`, which must occur in `sourceText`, dated the publication day. */
export function eventQuoting(id: string, sourceText: string, quote: string, title = `Event ${id}`): Record<string, unknown> {
  const start = sourceText.indexOf(quote);
  if (start === -1) throw new Error(`"${quote}" is not in the source text`);
  return {
    id,
    type: 'statement',
    title,
    summary: `${title}, as the source says.`,
    time: { date: '2025-03-14', precision: 'day', asWritten: 'on Friday' },
    actors: [],
    quote: { text: quote, start, end: start + quote.length },
    attribution: 'the article',
    importance: 2,
    tags: [],
  };
}

export const SMALL_SOURCE = 'The mayor opened the new bridge on Friday. Crowds gathered on both banks to watch.\n';

/** A valid one-event story of this id (its title tells versions apart). */
export function smallStory(id: string, options: { title?: string; baseVersion?: string | null; sourceText?: string; quotes?: string[] } = {}): SaveBody {
  const sourceText = options.sourceText ?? SMALL_SOURCE;
  const quotes = options.quotes ?? ['The mayor opened the new bridge on Friday'];
  return {
    baseVersion: options.baseVersion ?? null,
    scenario: {
      id,
      title: options.title ?? 'A bridge opens',
      summary: 'A small story saved from the studio.',
      published: '2025-03-14',
      source: { file: 'article.txt', citation: 'a test article' },
    },
    events: quotes.map((quote, index) => eventQuoting(`event-${index + 1}`, sourceText, quote)),
    sourceText,
  };
}
