/**
 * The CSV layout of a story: one event per row, the nested fields of events.json flattened into columns. This table
 * is the one place that says which column holds which field; export and import both read it.
 *
 * - `text` cells hold text as it is; `number` cells a number written with digits (no thousands separators);
 *   `list` cells ids joined by "; ".
 * - Actors take two numbered columns each, `actor_1_name`, `actor_1_role`, `actor_2_name`, … as many as the story's
 *   event with the most actors needs.
 * - An empty cell means "not given": no casualty figure is ever read as zero.
 */
import { CASUALTY_BREAKDOWN, CASUALTY_FIGURES, CASUALTY_QUALIFIERS } from '../events/casualtyKinds';

export type CsvCellKind = 'text' | 'number' | 'list';

export interface CsvColumn {
  name: string;
  /** Where the cell's value sits in an event as events.json writes it. */
  path: readonly (string | number)[];
  kind: CsvCellKind;
  description: string;
}

const column = (name: string, path: CsvColumn['path'], kind: CsvCellKind, description: string): CsvColumn => ({ name, path, kind, description });

/** The columns before the actors. */
export const LEADING_COLUMNS: readonly CsvColumn[] = [
  column('id', ['id'], 'text', 'event id: lowercase letters and digits joined by hyphens'),
  column('type', ['type'], 'text', 'strike, meeting, statement, proposal, claim or background'),
  column('title', ['title'], 'text', 'a short headline'),
  column('summary', ['summary'], 'text', 'what happened, in a sentence or two'),
  column('time_date', ['time', 'date'], 'text', 'a single period: its first day (YYYY-MM-DD) or, for "exact", an ISO date-time with offset'),
  column('time_precision', ['time', 'precision'], 'text', 'exact, day, week, month, season or year (blank: read from how time_date is written)'),
  column('time_start', ['time', 'start', 'date'], 'text', 'a range: the first day of its start period (blank: no known start)'),
  column('time_start_precision', ['time', 'start', 'precision'], 'text', 'the precision of time_start'),
  column('time_end', ['time', 'end', 'date'], 'text', 'a range: the first day of its end period ("on or before" when there is no start)'),
  column('time_end_precision', ['time', 'end', 'precision'], 'text', 'the precision of time_end'),
  column('time_as_written', ['time', 'asWritten'], 'text', 'the words of the source for the time ("last week", "on Monday")'),
];

/** The two columns of the n-th actor (1-based). One place to adapt when actors gain a name as written. */
export function actorColumns(n: number): CsvColumn[] {
  return [
    column(`actor_${n}_name`, ['actors', n - 1, 'name'], 'text', `the name of actor ${n}`),
    column(`actor_${n}_role`, ['actors', n - 1, 'role'], 'text', `the role of actor ${n}`),
    column(`actor_${n}_as_written`, ['actors', n - 1, 'asWritten'], 'text', `the name of actor ${n} as the source writes it, when it differs (blank: as the name)`),
  ];
}
export const ACTOR_COLUMN = /^actor_([1-9]\d{0,1})_(name|role|as_written)$/;

/** The columns of one casualty figure: its total and qualifier, then each part of its breakdown with its qualifier. */
function casualtyColumns(figure: (typeof CASUALTY_FIGURES)[number]): CsvColumn[] {
  const counted = (name: string, path: CsvColumn['path'], what: string) => [
    column(name, [...path, 'count'], 'number', `${what}, as reported (blank: not reported)`),
    column(`${name}_qualifier`, [...path, 'qualifier'], 'text', `${CASUALTY_QUALIFIERS.join(', ')} (blank with a number: exact)`),
  ];
  return [
    ...counted(figure, ['casualties', figure], `people ${figure}`),
    ...CASUALTY_BREAKDOWN.flatMap((part) => counted(`${figure}_${part}`, ['casualties', figure, part], `${part} among the people ${figure}`)),
  ];
}

/** The columns after the actors. Casualty columns: one place to adapt for qualifiers and breakdowns. */
export const TRAILING_COLUMNS: readonly CsvColumn[] = [
  column('location_name', ['location', 'name'], 'text', 'the place'),
  column('location_lat', ['location', 'coordinates', 'lat'], 'number', 'latitude, -90 to 90'),
  column('location_lon', ['location', 'coordinates', 'lon'], 'number', 'longitude, -180 to 180'),
  column('location_precision', ['location', 'coordinates', 'precision'], 'text', 'exact, city, region or country'),
  ...CASUALTY_FIGURES.flatMap(casualtyColumns),
  column('quote_text', ['quote', 'text'], 'text', 'the passage of the source, verbatim'),
  column('quote_start', ['quote', 'start'], 'number', 'where it starts in the source text (UTF-16 code units)'),
  column('quote_end', ['quote', 'end'], 'number', 'where it ends (exclusive)'),
  column('attribution', ['attribution'], 'text', 'who says so'),
  column('importance', ['importance'], 'number', '1, 2 or 3'),
  column('tags', ['tags'], 'list', 'tag ids joined by "; "'),
  column('related', ['related'], 'list', 'ids of related events joined by "; "'),
];

export const LIST_SEPARATOR = '; ';

/** Every column of a story whose events have at most `actorCount` actors (at least one pair is always written). */
export function csvColumns(actorCount: number): CsvColumn[] {
  const actors = Array.from({ length: Math.max(1, actorCount) }, (_, i) => actorColumns(i + 1)).flat();
  return [...LEADING_COLUMNS, ...actors, ...TRAILING_COLUMNS];
}

/** The column of a header name, actors included, or undefined for a name the layout does not know. */
export function columnByName(name: string): CsvColumn | undefined {
  const actor = ACTOR_COLUMN.exec(name);
  if (actor) return actorColumns(Number(actor[1])).find((c) => c.name === name);
  return [...LEADING_COLUMNS, ...TRAILING_COLUMNS].find((c) => c.name === name);
}

/**
 * Spreadsheets run a cell that starts with =, +, -, @, a tab or a carriage return as a formula: such text cells are
 * written with a leading apostrophe, and read back without it. Cells already starting with apostrophes before such a
 * character get one more, so that reading is the exact inverse of writing.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}
