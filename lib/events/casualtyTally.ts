import { assertNever } from '../assertNever';
import type { CasualtyCount, CasualtyFigure } from './casualtySchema';

/**
 * A number of people and what is known of it: `exact`, a lower bound (`at-least`, or `more-than`: strictly above),
 * and whether it is approximate ("about"). Single figures and sums of figures are both tallies: a sum is a lower
 * bound as soon as one of its terms is, and approximate as soon as one of its terms is.
 */
export interface Tally {
  count: number;
  bound: 'exact' | 'at-least' | 'more-than';
  isApproximate: boolean;
}

export function tallyOf({ count, qualifier }: CasualtyCount): Tally {
  switch (qualifier) {
    case 'exact':
      return { count, bound: 'exact', isApproximate: false };
    case 'at-least':
      return { count, bound: 'at-least', isApproximate: false };
    case 'more-than':
      return { count, bound: 'more-than', isApproximate: false };
    case 'about':
      return { count, bound: 'exact', isApproximate: true };
    default:
      return assertNever(qualifier, 'qualifier');
  }
}

/** x > a and y ≥ b give x + y > a + b: "more than" wins over "at least", which wins over "exact". */
function sumBound(a: Tally['bound'], b: Tally['bound']): Tally['bound'] {
  if (a === 'more-than' || b === 'more-than') return 'more-than';
  return a === 'at-least' || b === 'at-least' ? 'at-least' : 'exact';
}

export function addTallies(a: Tally, b: Tally): Tally {
  return { count: a.count + b.count, bound: sumBound(a.bound, b.bound), isApproximate: a.isApproximate || b.isApproximate };
}

/** The tally as a lower bound: a part of a toll (children killed) says the whole is at least that. */
export function asLowerBound(tally: Tally): Tally {
  return tally.bound === 'exact' ? { ...tally, bound: 'at-least' } : tally;
}

export const isLowerBound = (tally: Tally): boolean => tally.bound !== 'exact';

const COUNT_FORMAT = new Intl.NumberFormat('en-GB');

/** A count as people read it: "1,400". */
export const formatCount = (count: number): string => COUNT_FORMAT.format(count);

/** "26", "at least 26", "more than 1,400", "about 30", "about 1,430 or more" (an approximate lower bound). */
export function formatTally(tally: Tally): string {
  const n = formatCount(tally.count);
  switch (tally.bound) {
    case 'exact':
      return tally.isApproximate ? `about ${n}` : n;
    case 'at-least':
      return tally.isApproximate ? `about ${n} or more` : `at least ${n}`;
    case 'more-than':
      return tally.isApproximate ? `about ${n} or more` : `more than ${n}`;
    default:
      return assertNever(tally.bound, 'bound');
  }
}

/** A figure as the source reports it: "at least 26", "more than 1,400", "about 30", "9". */
export const formatCasualtyCount = (figure: CasualtyCount): string => formatTally(tallyOf(figure));

/** The total of a figure, when the source gives one. */
export function figureTotal(figure: CasualtyFigure | undefined): CasualtyCount | undefined {
  return figure?.count !== undefined && figure.qualifier !== undefined ? { count: figure.count, qualifier: figure.qualifier } : undefined;
}
