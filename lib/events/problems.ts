import type { QuoteMismatch } from './quoteDiagnosis';

/** One thing wrong with a story's files, precise enough to fix without searching. */
export interface StoryProblem {
  /** Path of the file as shown to people, e.g. `events/2025-04-putin-trump/events.json`. */
  file: string;
  /** 1-based line and column in the file, where known. */
  line?: number;
  column?: number;
  /** The event concerned, for problems inside `events.json`. */
  eventIndex?: number;
  eventId?: string;
  /** Dotted path of the field inside the event or scenario, e.g. `time.end.date`; empty for the whole file. */
  field: string;
  reason: string;
  /** For a quote that does not stand at its offsets: where it stands instead, or the nearest passage. */
  quoteMismatch?: QuoteMismatch;
}

/** The name the studio's contract uses for a story problem. */
export type Problem = StoryProblem;

export function formatProblem(problem: StoryProblem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
  const subject =
    problem.eventIndex === undefined
      ? undefined
      : problem.eventId
        ? `event "${problem.eventId}" (index ${problem.eventIndex})`
        : `event at index ${problem.eventIndex}`;
  const field = problem.field ? `field "${problem.field}"` : undefined;
  const context = [subject, field].filter(Boolean).join(', ');
  return context ? `${where}: ${context}: ${problem.reason}` : `${where}: ${problem.reason}`;
}

/** `['time', 'end', 'date']` -> `time.end.date`; `['actors', 0, 'name']` -> `actors[0].name`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
