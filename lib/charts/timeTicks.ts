import { planBins, type BinPlan } from './timeBins';

/** A time axis needs no more ticks than this to stay readable. */
export const MAX_TIME_TICKS = 8;

export interface TimeTicks {
  /** The calendar unit the ticks fall on (their labels follow it). */
  plan: Pick<BinPlan, 'unit' | 'unitsPerBin'>;
  ticksMs: number[];
}

/**
 * Ticks for a continuous time axis from `fromMs` to `toMs`: calendar boundaries (days, Mondays, months or years,
 * as for binning the same span) inside the axis, thinned evenly to at most `maxTicks`.
 */
export function timeTicks(fromMs: number, toMs: number, maxTicks = MAX_TIME_TICKS): TimeTicks {
  const plan = planBins(fromMs, toMs);
  const inside = plan.bins.map((bin) => bin.startMs).filter((ms) => ms >= fromMs && ms <= toMs);
  const step = Math.max(1, Math.ceil(inside.length / maxTicks));
  return { plan: { unit: plan.unit, unitsPerBin: plan.unitsPerBin }, ticksMs: inside.filter((_, i) => i % step === 0) };
}
