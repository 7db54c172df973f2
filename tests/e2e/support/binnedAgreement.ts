/**
 * Whether a binned chart's caption, data table and drawing say the same thing. Each function returns the
 * disagreements found, in words; none means the three agree.
 */
import { formatBin } from '@/lib/charts/binLabels';
import { binStartMs, type BinPlan, type BinUnit } from '@/lib/charts/timeBins';
import { ACTIVITY_SERIES_LABELS, EVENT_TYPE_SERIES_LABELS } from '@/lib/charts/typeLabels';
import type { ChartReading, DrawnShape } from './chartReading';

/** "week" → { unit: 'week', unitsPerBin: 1 }; "5 years" → { unit: 'year', unitsPerBin: 5 }. */
export function parseBinSize(label: string): Pick<BinPlan, 'unit' | 'unitsPerBin'> | null {
  const match = /^(?:(\d+) )?(day|week|month|year)s?$/.exec(label);
  return match ? { unit: match[2] as BinUnit, unitsPerBin: Number(match[1] ?? 1) } : null;
}

const count = (text: string | undefined) => (text === undefined || text === '' ? Number.NaN : Number(text));
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const firstNumber = (notes: string[], pattern: RegExp) => {
  for (const note of notes) {
    const match = pattern.exec(note);
    if (match) return Number(match[1]);
  }
  return 0;
};

/** Drawn counts by "bin start|series", summed. */
export function drawnCells(bars: DrawnShape[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const bar of bars) {
    const key = `${bar.data.at}|${bar.data.series}`;
    cells.set(key, (cells.get(key) ?? 0) + count(bar.data.count));
  }
  return cells;
}

/** Table counts by "row key|series", the zeros left out (a zero is not drawn). */
function tableCells(reading: ChartReading, seriesOfColumn: Record<string, string>): Map<string, number> {
  const cells = new Map<string, number>();
  const columns = reading.table?.columns.slice(1) ?? [];
  for (const row of reading.table?.rows ?? []) {
    row.cells.forEach((cell, i) => {
      const series = seriesOfColumn[columns[i] ?? ''];
      if (series && count(cell) !== 0) cells.set(`${row.key}|${series}`, count(cell));
    });
  }
  return cells;
}

function compareCells(drawn: Map<string, number>, table: Map<string, number>): string[] {
  const keys = [...new Set([...drawn.keys(), ...table.keys()])].sort();
  return keys.filter((key) => drawn.get(key) !== table.get(key)).map((key) => `cell ${key}: drawn ${drawn.get(key) ?? 'nothing'}, table ${table.get(key) ?? 'nothing'}`);
}

/** Bars of one chart share one scale: each one's length is its count times the same number of pixels. */
export function scaleProblems(bars: DrawnShape[], length: (bar: DrawnShape) => number, tolerancePx = 1.5): string[] {
  const ratios = bars.map((bar) => length(bar) / count(bar.data.count)).sort((a, b) => a - b);
  const pxPerCount = ratios[Math.floor(ratios.length / 2)] ?? 0;
  return bars
    .filter((bar) => Math.abs(length(bar) - count(bar.data.count) * pxPerCount) > tolerancePx)
    .map((bar) => `bar ${bar.data.at}/${bar.data.series} is ${length(bar).toFixed(1)} px long for ${bar.data.count} (${pxPerCount.toFixed(2)} px each)`);
}

/** The caption, table, drawing and figure agree on the bin size, and each drawn bin and table row is one of its bins. */
function binProblems(reading: ChartReading, titleUnit: string | undefined, tableUnit: string | undefined): string[] {
  const problems: string[] = [];
  const binSize = reading.data.binSize ?? '';
  if (titleUnit !== binSize) problems.push(`caption says per ${titleUnit}, the figure per ${binSize}`);
  if (reading.table && tableUnit !== binSize) problems.push(`table says per ${tableUnit}, the figure per ${binSize}`);
  const plan = parseBinSize(binSize);
  if (!plan) return [...problems, `unknown bin size ${binSize}`];
  for (const bar of reading.bars) {
    const at = count(bar.data.at);
    if (binStartMs(at, plan.unit, plan.unitsPerBin) !== at) problems.push(`bar at ${bar.data.at} does not start a ${binSize}`);
  }
  for (const row of reading.table?.rows ?? []) {
    const header = formatBin({ startMs: count(row.key), endMs: 0, midMs: 0 }, plan);
    if (row.header !== header) problems.push(`table row ${row.key} is headed "${row.header}", its bin is "${header}"`);
  }
  return problems;
}

/** Empty in the caption, empty in the drawing, and no table — or none of the three. */
function emptinessProblems(reading: ChartReading, drawnTotal: number): string[] {
  const empty = reading.emptyMessage !== null;
  if (empty && (drawnTotal > 0 || reading.table)) return [`the caption says "${reading.emptyMessage}" but ${drawnTotal} are drawn and the table is ${reading.table ? 'shown' : 'absent'}`];
  if (!empty && drawnTotal === 0) return ['the caption has no empty message but nothing is drawn'];
  if (!empty && !reading.table) return ['the data table is not shown'];
  return [];
}

export function eventsPerBinProblems(reading: ChartReading): string[] {
  const titleUnit = /^Events per (.+), by type$/.exec(reading.title)?.[1];
  const tableUnit = /^Events per (.+), by type \(periods with no events left out\)$/.exec(reading.table?.caption ?? '')?.[1];
  const approximate = firstNumber(reading.notes, /^(\d+) events? with (?:an approximate date is|approximate dates are) not shown by /);
  const outside = firstNumber(reading.notes, /^(\d+) events? outside the time window (?:is|are) not shown$/);
  const drawn = drawnCells(reading.bars);
  const drawnTotal = sum([...drawn.values()]);
  const typeOfColumn = Object.fromEntries(Object.entries(EVENT_TYPE_SERIES_LABELS).map(([type, label]) => [label, type]));
  const problems = [...emptinessProblems(reading, drawnTotal), ...binProblems(reading, titleUnit, tableUnit)];
  problems.push(...compareCells(drawn, tableCells(reading, typeOfColumn)));
  const totals = (reading.table?.rows ?? []).map((row) => ({ key: row.key, total: count(row.cells[row.cells.length - 1]), parts: sum(row.cells.slice(0, -1).map(count)) }));
  for (const row of totals) if (row.total !== row.parts) problems.push(`table row ${row.key}: total ${row.total}, its types add up to ${row.parts}`);
  if (reading.table && sum(totals.map((row) => row.total)) !== drawnTotal) problems.push(`table total ${sum(totals.map((row) => row.total))}, drawn ${drawnTotal}`);
  if (count(reading.data.total) !== drawnTotal) problems.push(`figure total ${reading.data.total}, drawn ${drawnTotal}`);
  if (count(reading.data.approximate) !== approximate) problems.push(`figure says ${reading.data.approximate} approximate, the caption ${approximate}`);
  if (count(reading.data.outside) !== outside) problems.push(`figure says ${reading.data.outside} outside, the caption ${outside}`);
  if (count(reading.data.revealed) !== drawnTotal + approximate + outside) {
    problems.push(`revealed ${reading.data.revealed}, but ${drawnTotal} drawn + ${approximate} approximate + ${outside} outside`);
  }
  return [...problems, ...scaleProblems(reading.bars, (bar) => bar.height)];
}

export function strikesVsDiplomacyProblems(reading: ChartReading): string[] {
  const titleUnit = /^Strikes against diplomacy, per (.+)$/.exec(reading.title)?.[1];
  const tableUnit = /^Strikes against meetings and proposals, per (.+) \(periods with neither left out\)$/.exec(reading.table?.caption ?? '')?.[1];
  const approximateNote = reading.notes.find((note) => note.includes('with approximate dates')) ?? '';
  const approximate = firstNumber([approximateNote], /(\d+) strikes?\b/) + firstNumber([approximateNote], /(\d+) meetings? or proposals?/);
  const outside = firstNumber(reading.notes, /^(\d+) strikes? or diplomatic events? outside the time window/);
  const drawn = drawnCells(reading.bars);
  const drawnOf = (series: string) => sum(reading.bars.filter((bar) => bar.data.series === series).map((bar) => count(bar.data.count)));
  const kindOfColumn = Object.fromEntries(Object.entries(ACTIVITY_SERIES_LABELS).map(([kind, label]) => [label, kind]));
  const problems = [...emptinessProblems(reading, drawnOf('kinetic') + drawnOf('diplomatic')), ...binProblems(reading, titleUnit, tableUnit)];
  problems.push(...compareCells(drawn, tableCells(reading, kindOfColumn)));
  for (const kind of ['kinetic', 'diplomatic']) {
    if (count(reading.data[kind]) !== drawnOf(kind)) problems.push(`figure says ${reading.data[kind]} ${kind}, drawn ${drawnOf(kind)}`);
  }
  if (count(reading.data.approximate) !== approximate) problems.push(`figure says ${reading.data.approximate} approximate, the caption ${approximate}`);
  if (count(reading.data.outside) !== outside) problems.push(`figure says ${reading.data.outside} outside, the caption ${outside}`);
  return [...problems, ...scaleProblems(reading.bars, (bar) => bar.height)];
}

/** What two binned charts draw of the same events: strikes per bin, and meetings plus proposals per bin. */
export function crossChartProblems(perBin: ChartReading, activity: ChartReading): string[] {
  const types = drawnCells(perBin.bars);
  const kinds = drawnCells(activity.bars);
  const bins = new Set([...types.keys(), ...kinds.keys()].map((key) => key.split('|')[0]));
  const problems: string[] = [];
  for (const bin of bins) {
    const strikes = types.get(`${bin}|strike`) ?? 0;
    const talks = (types.get(`${bin}|meeting`) ?? 0) + (types.get(`${bin}|proposal`) ?? 0);
    if ((kinds.get(`${bin}|kinetic`) ?? 0) !== strikes) problems.push(`bin ${bin}: ${strikes} strikes per type, ${kinds.get(`${bin}|kinetic`) ?? 0} against diplomacy`);
    if ((kinds.get(`${bin}|diplomatic`) ?? 0) !== talks) problems.push(`bin ${bin}: ${talks} meetings and proposals per type, ${kinds.get(`${bin}|diplomatic`) ?? 0} against strikes`);
  }
  return problems;
}
