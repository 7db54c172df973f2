/**
 * Whether the deaths chart and the actor chart agree with their captions and data tables. Each function returns the
 * disagreements found, in words; none means the three agree.
 */
import { APPROXIMATE_NOTE, LOWER_BOUND_NOTE } from '@/lib/charts/captions';
import { formatTally, type Tally } from '@/lib/events/casualtyTally';
import type { ChartReading, DrawnShape } from './chartReading';
import { scaleProblems } from './binnedAgreement';

const count = (text: string | undefined) => (text === undefined || text === '' ? Number.NaN : Number(text));
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const BOUNDS: readonly string[] = ['exact', 'at-least', 'more-than'] satisfies Tally['bound'][];

/** A running sum as the table writes it ("12", "at least 12", "more than 1,400", "about 30", "none reported"), from what the point carries. */
function drawnSum(point: DrawnShape | undefined): string {
  if (!point || point.data.deaths === 'none') return 'none reported';
  const bound = point.data.bound ?? '';
  if (!BOUNDS.includes(bound) || point.data.lowerBound !== String(bound !== 'exact')) return `a point with bound "${bound}", lower bound ${point.data.lowerBound}`;
  return formatTally({ count: count(point.data.deaths), bound: bound as Tally['bound'], isApproximate: point.data.approximate === 'true' });
}

/** The number in a sum as written: "more than 1,400" -> 1400. */
const countIn = (sum: string) => count(sum.replace(/[^\d]/g, ''));

export function reportedDeathsProblems(reading: ChartReading): string[] {
  const problems: string[] = [];
  const rows = reading.table?.rows ?? [];
  const points = [...reading.points].sort((a, b) => count(a.data.at) - count(b.data.at));
  const drawnStrikes = sum(points.map((point) => count(point.data.strikes)));
  const empty = reading.emptyMessage !== null;
  if (empty !== (drawnStrikes === 0) || empty === Boolean(reading.table)) {
    problems.push(`empty: caption ${empty}, ${drawnStrikes} strikes drawn, table ${reading.table ? 'shown' : 'absent'}`);
  }
  const reported = /^(.+?) deaths? reported in (\d+) strikes?$/.exec(reading.notes[0] ?? '');
  const unreported = /^No death toll reported yet for (\d+) strikes?$/.exec(reading.notes[0] ?? '');
  const captionStrikes = reported ? Number(reported[2]) : unreported ? Number(unreported[1]) : 0;
  const captionTotal = reported ? `${reported[1]?.slice(0, 1).toLowerCase()}${reported[1]?.slice(1)}` : 'none reported';
  const captionNotReported = Number(/^(\d+) strikes? with toll not reported: marked on the time axis, not counted$/.exec(reading.notes.find((n) => n.includes('toll not reported')) ?? '')?.[1] ?? 0);
  const tableNotReported = rows.filter((row) => row.cells[1] === 'toll not reported').length;
  const drawnNotReported = sum(reading.markers.map((marker) => count(marker.data.tollNotReported)));
  const strikeCounts = { caption: captionStrikes, table: rows.length, drawn: drawnStrikes, figure: count(reading.data.strikes) };
  if (new Set(Object.values(strikeCounts)).size !== 1 && !empty) problems.push(`strikes: ${JSON.stringify(strikeCounts)}`);
  if (!empty) {
    const totals = { caption: captionTotal, table: rows[rows.length - 1]?.cells[2] ?? 'none reported', drawn: drawnSum(points[points.length - 1]) };
    if (new Set(Object.values(totals)).size !== 1) problems.push(`total: ${JSON.stringify(totals)}`);
    if (count(reading.data.total) !== (captionTotal === 'none reported' ? 0 : countIn(captionTotal))) {
      problems.push(`figure total ${reading.data.total}, the caption "${captionTotal}"`);
    }
    const isLowerBound = /^(at least|more than) |or more$/.test(captionTotal);
    if (reading.notes.includes(LOWER_BOUND_NOTE) !== isLowerBound) problems.push('the lower-bound note does not match the total');
    if (reading.data.lowerBound !== undefined && reading.data.lowerBound !== String(isLowerBound)) problems.push(`figure lower bound ${reading.data.lowerBound}, the caption "${captionTotal}"`);
    if (reading.notes.includes(APPROXIMATE_NOTE) !== captionTotal.startsWith('about')) problems.push('the approximate note does not match the total');
  }
  const notReported = { caption: captionNotReported, table: tableNotReported, drawn: drawnNotReported, figure: count(reading.data.tollNotReported) };
  if (new Set(Object.values(notReported)).size !== 1) problems.push(`tolls not reported: ${JSON.stringify(notReported)}`);
  // Each drawn point closes a run of strikes, in story order: the table's running sum after its last one is the point's.
  let through = 0;
  for (const point of points) {
    through += count(point.data.strikes);
    if (count(point.data.strikes) === 0) continue;
    const row = rows[through - 1];
    if (reading.table && row?.cells[2] !== drawnSum(point)) problems.push(`point at ${point.data.at} (${through} strikes) draws ${drawnSum(point)}, the table says ${row?.cells[2]}`);
  }
  for (let i = 1; i < points.length; i++) {
    if ((points[i] as DrawnShape).x + 0.5 < (points[i - 1] as DrawnShape).x) problems.push(`point at ${points[i]?.data.at} is drawn left of an earlier one`);
  }
  return problems;
}

export function activityByActorProblems(reading: ChartReading): string[] {
  const problems: string[] = [];
  const bars = [...reading.bars].sort((a, b) => a.y - b.y);
  const rows = reading.table?.rows ?? [];
  const empty = reading.emptyMessage !== null;
  if (empty !== (bars.length === 0) || empty === Boolean(reading.table)) problems.push(`empty: caption ${empty}, ${bars.length} bars, table ${reading.table ? 'shown' : 'absent'}`);
  if (empty) return problems;
  const match = /^(?:Top (\d+) of (\d+) actors|All (\d+) actors|(1) actor), in (\d+) events?$/.exec(reading.notes[0] ?? '');
  if (!match) return [...problems, `caption note "${reading.notes[0]}" is not understood`];
  const shown = Number(match[1] ?? match[3] ?? match[4]);
  const actors = Number(match[2] ?? match[3] ?? match[4]);
  const shownCounts = { caption: shown, table: rows.length, drawn: bars.length, figure: count(reading.data.shown) };
  if (new Set(Object.values(shownCounts)).size !== 1) problems.push(`actors shown: ${JSON.stringify(shownCounts)}`);
  if (count(reading.data.actors) !== actors) problems.push(`figure says ${reading.data.actors} actors, the caption ${actors}`);
  if (count(reading.data.total) !== Number(match[5])) problems.push(`figure says ${reading.data.total} events, the caption ${match[5]}`);
  const drawn = bars.map((bar) => `${bar.data.at}: ${bar.data.count}`);
  const tabled = rows.map((row) => `${row.header}: ${row.cells[0]}`);
  if (drawn.join('\n') !== tabled.join('\n')) problems.push(`bars ${JSON.stringify(drawn)}, table ${JSON.stringify(tabled)}`);
  const counts = bars.map((bar) => count(bar.data.count));
  if (counts.some((value, i) => i > 0 && value > (counts[i - 1] as number))) problems.push(`bars are not busiest first: ${counts.join(', ')}`);
  return [...problems, ...scaleProblems(bars, (bar) => bar.width)];
}
