import { assertNever } from '../assertNever';
import type { CumulativeDeaths, ReportedToll } from './reportedDeaths';

/** A strike's toll for people: "3", "at least 9 (children; no total given)", "toll not reported". */
export function formatToll(toll: ReportedToll): string {
  switch (toll.kind) {
    case 'killed':
      return String(toll.deaths);
    case 'atLeast':
      return `at least ${toll.deaths} (children; no total given)`;
    case 'notReported':
      return 'toll not reported';
    default:
      return assertNever(toll, 'toll');
  }
}

/** A running sum of reported deaths: "12", "at least 12", or "none reported" before any toll is. */
export function formatCumulativeDeaths(sum: CumulativeDeaths | null): string {
  if (!sum) return 'none reported';
  return sum.isLowerBound ? `at least ${sum.deaths}` : String(sum.deaths);
}
