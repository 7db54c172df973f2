import { assertNever } from '../assertNever';
import { DATE_PRECISIONS, alignmentProblem, parseDateForPrecision, type DatePrecision } from '../events/precision';
import { timeSpan } from '../events/eventSpan';
import type { Dated, StoryTime } from '../events/schema';

/** An event's time as events.json writes it: a dated point, or a range with a start and/or an end. */
export type StoryTimeJson =
  | { date: string; precision: DatePrecision; asWritten: string }
  | { start?: Dated; end?: Dated; asWritten: string };

/** The parsed time (with `kind`) back in the shape of events.json. */
export function storyTimeToJson(time: StoryTime): StoryTimeJson {
  switch (time.kind) {
    case 'point':
      return { date: time.date, precision: time.precision, asWritten: time.asWritten };
    case 'range':
      return { ...(time.start && { start: { ...time.start } }), ...(time.end && { end: { ...time.end } }), asWritten: time.asWritten };
    default:
      return assertNever(time, 'story time');
  }
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isPrecision(value: unknown): value is DatePrecision {
  return typeof value === 'string' && (DATE_PRECISIONS as readonly string[]).includes(value);
}

/** A date with its precision, checked against the calendar and aligned to the start of its period. */
export function readDated(date: unknown, precision: unknown, field: string): Checked<Dated> {
  if (!isPrecision(precision)) {
    return { ok: false, field: `${field}.precision`, reason: `expected one of ${DATE_PRECISIONS.join(', ')}, got ${JSON.stringify(precision ?? '')}` };
  }
  if (typeof date !== 'string') return { ok: false, field: `${field}.date`, reason: 'missing date' };
  const parsed = parseDateForPrecision(date, precision);
  if (!parsed.ok) return { ok: false, field: `${field}.date`, reason: parsed.reason };
  const misaligned = alignmentProblem(parsed.ms, precision);
  if (misaligned) return { ok: false, field: `${field}.date`, reason: `${misaligned}, got "${date}"` };
  return { ok: true, value: { date, precision } };
}

/**
 * Checks a time written as events.json writes it (without the validation library, so that the browser can run it)
 * and returns the parsed time. The same rules as the story format: a point or a range, never both; dates aligned to
 * their precision; an end not before its start; the words as written, not empty (unless `wordsOptional`: a draft
 * keeps the dates a file gives without words, and needs the words).
 */
export function readStoryTime(value: unknown, options: { wordsOptional?: boolean } = {}): Checked<StoryTime> {
  if (!isRecord(value)) return { ok: false, field: 'time', reason: 'missing time' };
  const asWritten = typeof value.asWritten === 'string' ? value.asWritten.trim() : '';
  if (asWritten === '' && !options.wordsOptional) return { ok: false, field: 'time.asWritten', reason: 'missing the words the source uses for the time' };
  const isPoint = value.date !== undefined || value.precision !== undefined;
  const isRange = value.start !== undefined || value.end !== undefined;
  if (isPoint && isRange) return { ok: false, field: 'time', reason: 'give either a date with its precision or a start/end range, not both' };
  if (isPoint) {
    const dated = readDated(value.date, value.precision, 'time');
    if (!dated.ok) return dated;
    return { ok: true, value: { kind: 'point', ...dated.value, asWritten } };
  }
  if (!isRange) return { ok: false, field: 'time', reason: 'missing a time: a date with its precision, or a start/end range' };
  const bounds: { start?: Dated; end?: Dated } = {};
  for (const bound of ['start', 'end'] as const) {
    const raw = value[bound];
    if (raw === undefined) continue;
    const dated = isRecord(raw) ? readDated(raw.date, raw.precision, `time.${bound}`) : readDated(undefined, undefined, `time.${bound}`);
    if (!dated.ok) return dated;
    bounds[bound] = dated.value;
  }
  const time: StoryTime = { kind: 'range', ...bounds, asWritten };
  if (bounds.start && bounds.end) {
    const span = timeSpan(time);
    if (span.startMs !== null && span.endMs !== null && span.endMs <= span.startMs) {
      return { ok: false, field: 'time.end', reason: `end ${bounds.end.date} is before its start ${bounds.start.date}` };
    }
  }
  return { ok: true, value: time };
}
