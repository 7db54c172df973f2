import { binStartMs, nextBinStartMs, type BinPlan, type BinUnit } from './timeBins';

/** A time axis needs no more ticks than this to stay readable. */
export const MAX_TIME_TICKS = 8;
/** Ticks on a coarser calendar unit are used only if there are at least this many of them. */
const MIN_COARSE_TICKS = 4;

export interface TimeTicks {
  /** The calendar unit the ticks fall on (their labels follow it). */
  plan: Pick<BinPlan, 'unit' | 'unitsPerBin'>;
  ticksMs: number[];
}

/** Calendar units from the finest, as ticks may fall on them: days, Mondays, months, then years, 2, 5, 10... years. */
const TICK_UNITS: Pick<BinPlan, 'unit' | 'unitsPerBin'>[] = [
  { unit: 'day', unitsPerBin: 1 },
  { unit: 'week', unitsPerBin: 1 },
  { unit: 'month', unitsPerBin: 1 },
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500].map((years) => ({ unit: 'year' as BinUnit, unitsPerBin: years })),
];

/** The starts of the unit's periods inside [fromMs, toMs], stopping once there are more than `limit`. */
function boundaries(fromMs: number, toMs: number, { unit, unitsPerBin }: Pick<BinPlan, 'unit' | 'unitsPerBin'>, limit: number): number[] {
  const found: number[] = [];
  for (let start = binStartMs(fromMs, unit, unitsPerBin); start <= toMs && found.length <= limit; start = nextBinStartMs(start, unit, unitsPerBin)) {
    if (start >= fromMs) found.push(start);
  }
  return found;
}

/**
 * Ticks for a time axis from `fromMs` to `toMs`: the starts of the finest calendar unit (day, Monday, month, year,
 * years) with at most `maxTicks` of them inside the axis, labelled by that unit ("4 Apr", "Apr 2025", "2025"). When
 * the next coarser unit would leave fewer than four ticks, the finer one is thinned evenly instead.
 */
export function timeTicks(fromMs: number, toMs: number, maxTicks = MAX_TIME_TICKS): TimeTicks {
  for (let i = 0; i < TICK_UNITS.length; i++) {
    const plan = TICK_UNITS[i] as TimeTicks['plan'];
    const inside = boundaries(fromMs, toMs, plan, maxTicks);
    if (inside.length <= maxTicks) return { plan, ticksMs: inside };
    const coarser = TICK_UNITS[i + 1];
    if (coarser && boundaries(fromMs, toMs, coarser, maxTicks).length >= MIN_COARSE_TICKS) continue;
    const all = boundaries(fromMs, toMs, plan, Number.POSITIVE_INFINITY);
    const step = Math.ceil(all.length / maxTicks);
    return { plan, ticksMs: all.filter((_, j) => j % step === 0) };
  }
  return { plan: { unit: 'year', unitsPerBin: 1 }, ticksMs: [] };
}
