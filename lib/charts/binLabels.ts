import { assertNever } from '../assertNever';
import { utcParts } from '../events/calendar';
import { formatDay, formatPeriod } from '../events/formatStoryDate';
import type { BinPlan, TimeBin } from './timeBins';

type PlanUnit = Pick<BinPlan, 'unit' | 'unitsPerBin'>;

/** A bin for people, as precisely as it is: "4 Apr 2025", "week of 14 Apr 2025", "Apr 2025", "2025", "2020–2024". */
export function formatBin(bin: TimeBin, plan: PlanUnit): string {
  switch (plan.unit) {
    case 'day':
    case 'week':
    case 'month':
      return formatPeriod(bin.startMs, plan.unit);
    case 'year': {
      const first = utcParts(bin.startMs).year;
      return plan.unitsPerBin === 1 ? String(first) : `${first}–${first + plan.unitsPerBin - 1}`;
    }
    default:
      return assertNever(plan.unit, 'bin unit');
  }
}

/** A short axis tick for the bin starting at `startMs`: "4 Apr" (a day, or the Monday of a week), "Apr 2025", "2025". */
export function formatBinTick(startMs: number, plan: PlanUnit): string {
  switch (plan.unit) {
    case 'day':
    case 'week':
      return formatDay(startMs).replace(/ \d+$/, '');
    case 'month':
      return formatPeriod(startMs, 'month');
    case 'year':
      return String(utcParts(startMs).year);
    default:
      return assertNever(plan.unit, 'bin unit');
  }
}
