import { assertNever } from '../assertNever';
import { formatTally } from '../events/casualtyTally';
import type { CumulativeDeaths, ReportedToll } from './reportedDeaths';

/**
 * A strike's toll for people, with the source's qualifier: "3", "at least 26", "more than 1,400", "about 30",
 * "at least 9 (children; no total given)", "toll not reported".
 */
export function formatToll(toll: ReportedToll): string {
  switch (toll.kind) {
    case 'reported':
      return formatTally(toll.tally);
    case 'partOnly':
      return `${formatTally(toll.tally)} (${toll.part}; no total given)`;
    case 'notReported':
      return 'toll not reported';
    default:
      return assertNever(toll, 'toll');
  }
}

/**
 * A running sum of reported deaths: "12", "at least 12", "more than 1,412", "about 40", "about 52 or more", or
 * "none reported" before any toll is. A sum of lower bounds is a lower bound; a sum with an approximate term, approximate.
 */
export function formatCumulativeDeaths(sum: CumulativeDeaths | null): string {
  return sum ? formatTally(sum) : 'none reported';
}
