import Papa from 'papaparse';
import type { StoryEvent } from '../events/schema';
import { columnByName, csvColumns, FORMULA_START, LIST_SEPARATOR, unescapeFormula, type CsvColumn } from './csvColumns';
import { draftFromFields, reportDuplicateIds, type DraftOptions, type ImportProblem, type ImportResult, type RawEventFields } from './draftEvent';
import { storyTimeToJson } from './storyTimeJson';
import { importTimelineJsSheet, isTimelineJsSheet } from './timelineJsSheet';

/** UTF-8 byte order mark: spreadsheet programs need it to read the file as UTF-8 (curly quotes, accents, Cyrillic). */
const BYTE_ORDER_MARK = '\uFEFF';

function valueAt(value: unknown, path: CsvColumn['path']): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

function cellOf(event: unknown, column: CsvColumn): string | number {
  const value = valueAt(event, column.path);
  if (value === undefined) return '';
  switch (column.kind) {
    case 'number':
      return typeof value === 'number' ? value : String(value);
    case 'list':
      return Array.isArray(value) ? value.join(LIST_SEPARATOR) : '';
    case 'text':
      return String(value);
  }
}

/** A story's events as CSV: a header row, then one event per row, in the order given (see csvColumns.ts). */
export function exportCsv(events: readonly StoryEvent[]): string {
  const columns = csvColumns(Math.max(0, ...events.map((e) => e.actors.length)));
  const rows = events.map((event) => {
    const json = { ...event, time: storyTimeToJson(event.time) };
    return columns.map((column) => cellOf(json, column));
  });
  return BYTE_ORDER_MARK + Papa.unparse({ fields: columns.map((c) => c.name), data: rows }, { newline: '\r\n', escapeFormulae: FORMULA_START });
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

function cellValue(cell: string, column: CsvColumn): unknown {
  if (column.kind === 'number') {
    const trimmed = cell.trim();
    return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
  }
  const text = unescapeFormula(cell);
  if (column.kind === 'list') return text.split(';').map((item) => item.trim()).filter(Boolean);
  return text;
}

function setAt(target: Record<string | number, unknown>, path: CsvColumn['path'], value: unknown): void {
  let at = target;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      at[key] = value;
      return;
    }
    const next = path[i + 1];
    at[key] ??= typeof next === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  });
}

/** A precision read from how a date is written, for a date given without one: "2025" is a year, "2025-04" a month. */
function completeDated(dated: unknown): void {
  if (dated === null || typeof dated !== 'object') return;
  const d = dated as { date?: unknown; precision?: unknown };
  if (typeof d.date !== 'string' || d.precision !== undefined) return;
  if (/^\d{4}$/.test(d.date)) Object.assign(d, { date: `${d.date}-01-01`, precision: 'year' });
  else if (/^\d{4}-\d{2}$/.test(d.date)) Object.assign(d, { date: `${d.date}-01`, precision: 'month' });
  else if (/^\d{4}-\d{2}-\d{2}$/.test(d.date)) d.precision = 'day';
  else if (d.date.includes('T')) d.precision = 'exact';
}

/** One CSV row as the fields of events.json (not yet checked): empty cells are left out. */
function rowFields(header: readonly (CsvColumn | undefined)[], cells: readonly string[]): RawEventFields {
  const fields: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const cell = cells[i] ?? '';
    if (!column || cell.trim() === '') return;
    setAt(fields, column.path, cellValue(cell, column));
  });
  const time = fields.time as Record<string, unknown> | undefined;
  if (time) [time, time.start, time.end].forEach(completeDated);
  if (Array.isArray(fields.actors)) fields.actors = fields.actors.filter((actor) => actor !== undefined);
  return fields;
}

/**
 * Reads a CSV of events (the layout of csvColumns.ts; columns in any order, unknown ones reported and ignored) as
 * draft events; a CSV saved from TimelineJS's spreadsheet template (Year, Month, Day, …, Headline, Text) is read as
 * TimelineJS slides. Rows are numbered as a spreadsheet shows them: the header is row 1.
 */
export function importCsv(text: string, options: DraftOptions = {}): ImportResult {
  const problems: ImportProblem[] = [];
  const parsed = Papa.parse<string[]>(text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text, { skipEmptyLines: 'greedy' });
  // A file with one column (or none) gives no delimiter to detect: a comma is then assumed, which is right.
  for (const error of parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter')) {
    problems.push({ origin: error.row === undefined ? 'file' : `row ${error.row + 1}`, field: '', reason: `malformed CSV: ${error.message}` });
  }
  const [headerCells, ...rows] = parsed.data;
  if (!headerCells) return { drafts: [], problems: [...problems, { origin: 'file', field: '', reason: 'the file is empty: expected a header row, then one event per row' }] };
  if (isTimelineJsSheet(headerCells)) return importTimelineJsSheet(parsed.data, options, problems);
  const header = headerCells.map((name) => columnByName(name.trim()));
  headerCells.forEach((name, i) => {
    if (!header[i]) problems.push({ origin: 'row 1', field: name, reason: `unknown column "${name}": ignored` });
  });
  if (!header.some((c) => c?.name === 'title')) problems.push({ origin: 'row 1', field: 'title', reason: 'no "title" column: every draft will need a title' });
  const drafts = rows.map((cells, i) => {
    if (cells.length > header.length) problems.push({ origin: `row ${i + 2}`, field: '', reason: `${cells.length} cells for ${header.length} columns: the cells past the last column are ignored` });
    return draftFromFields(rowFields(header, cells), `row ${i + 2}`, options, problems);
  });
  reportDuplicateIds(drafts, problems);
  return { drafts, problems };
}
