import { assertNever } from '../assertNever';
import type { Dated, StoryTime } from '../events/schema';

/** An event's `time` as events.json writes it: `{ date, precision, asWritten }` or `{ start?, end?, asWritten }`. */
export type StoryTimeJson = { date: string; precision: Dated['precision']; asWritten: string } | { start?: Dated; end?: Dated; asWritten: string };

/** The file form of a story time (the schema's `kind` is not written). */
export function storyTimeToJson(time: StoryTime): StoryTimeJson {
  switch (time.kind) {
    case 'point':
      return { date: time.date, precision: time.precision, asWritten: time.asWritten };
    case 'range':
      return { ...(time.start && { start: time.start }), ...(time.end && { end: time.end }), asWritten: time.asWritten };
    default:
      return assertNever(time, 'story time');
  }
}
