import type { Casualties } from '../events/casualtySchema';
import { EVENT_TYPE_WORDS } from '../events/eventTypeLabels';
import { EVENT_TYPES, isSlug, type EventType } from '../events/eventTypes';
import { quoteProblem } from '../events/quoteCheck';
import { CASUALTY_BREAKDOWN, CASUALTY_FIGURES, CASUALTY_QUALIFIERS, type CasualtyQualifier } from '../events/casualtyKinds';
import type { Actor, Location } from '../events/schema';
import type { DraftEvent, DraftOptions } from './draftEvent';

/**
 * The readers of an imported event's fields, one per field of the story format: each takes what the file gives,
 * reports what is wrong with it and returns only what is right. The one place to adapt when the format changes.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value));

export type Report = (field: string, reason: string) => void;

export function readText(value: unknown, field: string, maxChars: number, report: Report): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return report(field, `expected text, got ${shown(value)}`), undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (text.length > maxChars) return report(field, `must be at most ${maxChars} characters (it has ${text.length})`), undefined;
  return text;
}

/** An event type by its name or its label, in any case ("strike", "Strike"). */
export function readType(value: unknown, report: Report): EventType | undefined {
  const text = readText(value, 'type', 40, report);
  if (text === undefined) return undefined;
  const wanted = text.toLowerCase();
  const type = EVENT_TYPES.find((t) => t === wanted || EVENT_TYPE_WORDS[t].label.toLowerCase() === wanted);
  if (!type) report('type', `unknown type ${shown(text)}: expected one of ${EVENT_TYPES.join(', ')}`);
  return type;
}

export function readSlug(value: unknown, field: string, report: Report): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && isSlug(value)) return value;
  return report(field, `expected an id (lowercase letters and digits joined by hyphens), got ${shown(value)}`), undefined;
}

export function readSlugs(value: unknown, field: string, report: Report): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return report(field, 'expected a list of ids'), [];
  return value.flatMap((item, i) => readSlug(item, `${field}[${i}]`, report) ?? []);
}

/** Actors: a name and a role each. One place to adapt when the format gains an actor's name as written. */
export function readActors(value: unknown, report: Report): Actor[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return report('actors', 'expected a list of actors'), [];
  return value.flatMap((item, i) => {
    if (!isRecord(item)) return report(`actors[${i}]`, 'expected an actor with a name and a role'), [];
    const name = readText(item.name, `actors[${i}].name`, 120, report);
    const role = readText(item.role, `actors[${i}].role`, 200, report);
    if (name === undefined) return report(`actors[${i}].name`, 'an actor needs a name'), [];
    // An actor named without a role is kept (with an empty role) and the draft needs the role.
    if (role === undefined) report(`actors[${i}].role`, `${shown(name)} has no role: the draft needs it`);
    const asWritten = item.asWritten === undefined ? undefined : readText(item.asWritten, `actors[${i}].asWritten`, 120, report);
    return [{ name, role: role ?? '', ...(asWritten !== undefined && { asWritten }) }];
  });
}

const COORDINATE_PRECISIONS = ['exact', 'city', 'region', 'country'] as const;

export function readLocation(value: unknown, report: Report): Location | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return report('location', 'expected a place with a name'), undefined;
  const name = readText(value.name, 'location.name', 200, report);
  if (name === undefined) return report('location.name', 'a place needs a name'), undefined;
  const c = value.coordinates;
  if (c === undefined) return { name };
  if (!isRecord(c)) return report('location.coordinates', 'expected latitude, longitude and precision'), { name };
  const { lat, lon, precision } = c;
  if (typeof lat !== 'number' || lat < -90 || lat > 90) return report('location.coordinates.lat', `expected a latitude from -90 to 90, got ${shown(lat)}`), { name };
  if (typeof lon !== 'number' || lon < -180 || lon > 180) return report('location.coordinates.lon', `expected a longitude from -180 to 180, got ${shown(lon)}`), { name };
  const known = COORDINATE_PRECISIONS.find((p) => p === precision);
  if (!known) return report('location.coordinates.precision', `expected one of ${COORDINATE_PRECISIONS.join(', ')}, got ${shown(precision)}`), { name };
  return { name, coordinates: { lat, lon, precision: known } };
}

type CasualtyCount = { count: number; qualifier: CasualtyQualifier };
type CasualtyFigure = NonNullable<Casualties['killed']>;

/** One number with its qualifier; a bare number is an exact count (a spreadsheet's cell, or format 1). */
function readCount(value: unknown, field: string, report: Report): CasualtyCount | undefined {
  if (isCount(value)) return { count: value, qualifier: 'exact' };
  if (!isRecord(value)) return report(field, `expected a whole number of people, got ${shown(value)} (a figure that is not a count is left out, never guessed)`), undefined;
  const { count, qualifier } = value;
  if (!isCount(count)) return report(`${field}.count`, `expected a whole number of people, got ${shown(count)} (a figure that is not a count is left out, never guessed)`), undefined;
  const known = CASUALTY_QUALIFIERS.find((q) => q === (qualifier ?? 'exact'));
  if (!known) return report(`${field}.qualifier`, `expected one of ${CASUALTY_QUALIFIERS.join(', ')}, got ${shown(qualifier)}`), undefined;
  return { count, qualifier: known };
}

/** A figure: its total (count and qualifier), its breakdown (civilians, military, children), or both. */
function readFigure(value: unknown, field: string, report: Report): CasualtyFigure | undefined {
  if (!isRecord(value)) {
    const total = readCount(value, field, report);
    return total && { ...total };
  }
  const figure: CasualtyFigure = {};
  if (value.count !== undefined) Object.assign(figure, readCount({ count: value.count, qualifier: value.qualifier }, field, report));
  for (const part of CASUALTY_BREAKDOWN) {
    if (value[part] === undefined) continue;
    const counted = readCount(value[part], `${field}.${part}`, report);
    if (counted) figure[part] = counted;
  }
  return Object.keys(figure).length > 0 ? figure : undefined;
}

/**
 * Casualties as reported (story format 2): `killed` and `injured`, each a total with its qualifier and an optional
 * breakdown. An absent figure is "not reported", never zero; a format-1 `childrenKilled` is read as killed children.
 */
export function readCasualties(value: unknown, report: Report): Casualties | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return report('casualties', 'expected casualty figures'), undefined;
  const casualties: Casualties = {};
  for (const key of CASUALTY_FIGURES) {
    if (value[key] === undefined) continue;
    const figure = readFigure(value[key], `casualties.${key}`, report);
    if (figure) casualties[key] = figure;
  }
  if (value.childrenKilled !== undefined) {
    const children = readCount(value.childrenKilled, 'casualties.childrenKilled', report);
    if (children) casualties.killed = { ...casualties.killed, children };
  }
  const killed = casualties.killed;
  if (killed?.children && killed.qualifier === 'exact' && killed.count !== undefined && killed.children.qualifier === 'exact' && killed.children.count > killed.count) {
    report('casualties.killed.children', `children killed (${killed.children.count}) exceed killed (${killed.count})`);
    delete killed.children;
  }
  return Object.keys(casualties).length > 0 ? casualties : undefined;
}

export function readQuote(value: unknown, options: DraftOptions, report: Report): { quote?: DraftEvent['quote']; verified: boolean } {
  if (value === undefined) return { verified: false };
  if (!isRecord(value)) return report('quote', 'expected a quote with its text'), { verified: false };
  const text = typeof value.text === 'string' && value.text.trim() !== '' ? value.text : undefined;
  if (text === undefined) return report('quote.text', 'a quote needs its text'), { verified: false };
  if (text.length > 2000) return report('quote.text', 'must be at most 2000 characters'), { verified: false };
  const { start, end } = value;
  if (start === undefined && end === undefined) return { quote: { text }, verified: false };
  if (!isCount(start) || !isCount(end) || end <= start) {
    report('quote.start', `expected offsets with end after start, got ${shown(start)}-${shown(end)}`);
    return { quote: { text }, verified: false };
  }
  const quote = { text, start, end };
  if (options.sourceText === undefined) return { quote, verified: end - start === text.length };
  const problem = quoteProblem(quote, options.sourceText, 'the source text');
  if (problem) report(`quote.${problem.field}`, problem.reason);
  return { quote, verified: problem === null };
}

export function readImportance(value: unknown, report: Report): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === 1 || value === 2 || value === 3) return value;
  return report('importance', `must be 1, 2 or 3, got ${shown(value)}`), undefined;
}
