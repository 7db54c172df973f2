import { importCsv } from './csvInterop';
import type { DraftEvent as ImportedDraft, ImportProblem } from './draftEvent';
import { eventFromFile } from './draftFromFiles';
import type { DraftEvent } from './draftStory';
import { occurrencesOf } from './occurrences';
import { slugFromTitle, uniqueSlug } from './slugFromTitle';
import { storyTimeToJson } from './storyTimeJson';
import { importTimelineJs } from './timelineJsInterop';

export interface ImportedEvents {
  events: DraftEvent[];
  problems: ImportProblem[];
}

/** Which importer reads a file: TimelineJS JSON by its name or its first character, else CSV. */
function isJson(fileName: string, text: string): boolean {
  return /\.json$/i.test(fileName) || /^\s*[{[]/.test(text);
}

/**
 * A TimelineJS JSON or CSV file's events as studio events (docs/interop.md): each draft as the file gives it, with a
 * free id, its time empty when the file gives none, and its quote placed where its text occurs exactly once in the
 * source when the file gives no verified offsets (else left for the person to select). What is still missing, the
 * live check lists.
 */
export function importDrafts(fileName: string, text: string, story: { sourceText: string; published: string; takenIds: ReadonlySet<string> }): ImportedEvents {
  const result = isJson(fileName, text) ? importTimelineJs(text, { sourceText: story.sourceText }) : importCsv(text, { sourceText: story.sourceText });
  const taken = new Set(story.takenIds);
  const events = result.drafts.map((draft) => {
    const event = eventFromFile(fileShape(draft, story.sourceText), story.published);
    event.id = uniqueSlug(event.id || slugFromTitle(event.title) || 'event', taken);
    taken.add(event.id);
    return event;
  });
  return { events, problems: result.problems };
}

function fileShape(draft: ImportedDraft, sourceText: string): Record<string, unknown> {
  const { time, quote, origin: _origin, needs: _needs, ...fields } = draft;
  return { ...fields, ...(time && { time: storyTimeToJson(time) }), quote: placedQuote(quote, sourceText) };
}

function placedQuote(quote: ImportedDraft['quote'], sourceText: string): { text: string; start: number; end: number } {
  if (!quote) return { text: '', start: 0, end: 0 };
  if (quote.start !== undefined && quote.end !== undefined && sourceText.slice(quote.start, quote.end) === quote.text) {
    return { text: quote.text, start: quote.start, end: quote.end };
  }
  const found = occurrencesOf(sourceText, quote.text);
  const only = found.length === 1 ? found[0] : undefined;
  return only ? { text: only.text, start: only.start, end: only.end } : { text: quote.text, start: 0, end: 0 };
}
