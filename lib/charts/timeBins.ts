import { partitionPoint } from '../sortedSearch';
import { assertNever } from '../assertNever';
import { MS_PER_DAY, addUtcMonths, startOfUtcDay, utcMidnight, utcParts } from '../events/calendar';

/** The calendar unit of a time bin. Weeks start on Monday, as story dates with precision "week" do. */
export const BIN_UNITS = ['day', 'week', 'month', 'year'] as const;
export type BinUnit = (typeof BIN_UNITS)[number];

/** Spans up to this long are shown per day. */
export const MAX_DAY_BINS_SPAN_DAYS = 120;
/** Longer spans take the finest of week, month, year that needs at most this many bins. */
export const MAX_BIN_COUNT = 150;

/** One bin of story time, UTC epoch ms, end exclusive. `midMs` is where its bar stands on a time axis. */
export interface TimeBin {
  startMs: number;
  endMs: number;
  midMs: number;
}

export interface BinPlan {
  unit: BinUnit;
  /** How many units one bin holds: 1, except for year bins over very long spans. */
  unitsPerBin: number;
  bins: TimeBin[];
}

/** The start of the bin of `unit` × `unitsPerBin` that holds `ms`. */
export function binStartMs(ms: number, unit: BinUnit, unitsPerBin = 1): number {
  const day = startOfUtcDay(ms);
  switch (unit) {
    case 'day':
      return day;
    case 'week': {
      const daysSinceMonday = (utcParts(day).weekday + 6) % 7;
      return day - daysSinceMonday * MS_PER_DAY;
    }
    case 'month': {
      const { year, month } = utcParts(ms);
      return utcMidnight(year, month, 1);
    }
    case 'year': {
      const { year } = utcParts(ms);
      return utcMidnight(Math.floor(year / unitsPerBin) * unitsPerBin, 1, 1);
    }
    default:
      return assertNever(unit, 'bin unit');
  }
}

/** The start of the bin after the one that starts at `startMs`. */
export function nextBinStartMs(startMs: number, unit: BinUnit, unitsPerBin = 1): number {
  switch (unit) {
    case 'day':
      return startMs + MS_PER_DAY;
    case 'week':
      return startMs + 7 * MS_PER_DAY;
    case 'month':
      return addUtcMonths(startMs, 1);
    case 'year':
      return addUtcMonths(startMs, 12 * unitsPerBin);
    default:
      return assertNever(unit, 'bin unit');
  }
}

function countBins(fromMs: number, coverEndMs: number, unit: BinUnit, unitsPerBin: number): number {
  let count = 0;
  for (let start = binStartMs(fromMs, unit, unitsPerBin); start < coverEndMs; start = nextBinStartMs(start, unit, unitsPerBin)) {
    count += 1;
    if (count > MAX_BIN_COUNT) break;
  }
  return Math.max(count, 1);
}

function chooseUnit(fromMs: number, coverEndMs: number): { unit: BinUnit; unitsPerBin: number } {
  if (coverEndMs - fromMs <= MAX_DAY_BINS_SPAN_DAYS * MS_PER_DAY) return { unit: 'day', unitsPerBin: 1 };
  if (countBins(fromMs, coverEndMs, 'week', 1) <= MAX_BIN_COUNT) return { unit: 'week', unitsPerBin: 1 };
  if (countBins(fromMs, coverEndMs, 'month', 1) <= MAX_BIN_COUNT) return { unit: 'month', unitsPerBin: 1 };
  const years = utcParts(coverEndMs - 1).year - utcParts(fromMs).year + 1;
  return { unit: 'year', unitsPerBin: Math.max(1, Math.ceil(years / MAX_BIN_COUNT)) };
}

/**
 * Bins covering story time from `fromMs` up to `coverEndMs` (exclusive): bins per day when the span is at most
 * MAX_DAY_BINS_SPAN_DAYS, else per week, month or year, whichever first fits in MAX_BIN_COUNT bins.
 * There is always at least the bin holding `fromMs`.
 */
export function planBins(fromMs: number, coverEndMs: number): BinPlan {
  const { unit, unitsPerBin } = chooseUnit(fromMs, coverEndMs);
  const bins: TimeBin[] = [];
  let start = binStartMs(fromMs, unit, unitsPerBin);
  do {
    const end = nextBinStartMs(start, unit, unitsPerBin);
    bins.push({ startMs: start, endMs: end, midMs: start + (end - start) / 2 });
    start = end;
  } while (start < coverEndMs);
  return { unit, unitsPerBin, bins };
}

/** The index of the bin holding `ms`, or -1 when no bin does. */
export function binIndexOf(plan: BinPlan, ms: number): number {
  const index = partitionPoint(plan.bins.length, (i) => (plan.bins[i] as TimeBin).endMs > ms);
  const bin = plan.bins[index];
  return bin && bin.startMs <= ms ? index : -1;
}

/** "day", "week", "month", "year" or "5 years": the words after "per" in a caption. */
export function binSizeLabel(plan: Pick<BinPlan, 'unit' | 'unitsPerBin'>): string {
  return plan.unitsPerBin === 1 ? plan.unit : `${plan.unitsPerBin} ${plan.unit}s`;
}
