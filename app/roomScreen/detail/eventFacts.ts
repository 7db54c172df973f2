import type { Casualties, CasualtyCount } from '@/lib/events/casualtySchema';
import { assertNever } from '@/lib/assertNever';
import { figureTotal, formatCasualtyCount } from '@/lib/events/casualtyTally';
import type { COORDINATE_PRECISIONS, Location } from '@/lib/events/schema';

/** How a figure the source may not give is shown: its number, or "not reported" — never 0 for a missing figure. */
export const NOT_REPORTED = 'not reported';

/** A figure as reported, with its qualifier ("at least 26", "more than 1,400", "about 30"), or "not reported". */
export function reportedCount(figure: CasualtyCount | undefined): string {
  return figure === undefined ? NOT_REPORTED : formatCasualtyCount(figure);
}

export interface CasualtyRow {
  label: string;
  value: string;
}

/** The breakdown rows shown only when the source gives them (children killed are always shown). */
const OPTIONAL_PARTS = [
  ['killed', 'civilians', 'Civilians killed'],
  ['killed', 'military', 'Military killed'],
  ['injured', 'civilians', 'Civilians injured'],
  ['injured', 'military', 'Military injured'],
  ['injured', 'children', 'Children injured'],
] as const;

/**
 * Killed, children killed and injured, always and in that order, each as reported (a part given with no total leaves
 * the total "not reported"); then the other parts of the breakdown the source gives.
 */
export function casualtyRows(casualties: Casualties | undefined): CasualtyRow[] {
  const optional = OPTIONAL_PARTS.flatMap(([figure, part, label]) => {
    const given = casualties?.[figure]?.[part];
    return given ? [{ label, value: reportedCount(given) }] : [];
  });
  return [
    { label: 'Killed', value: reportedCount(figureTotal(casualties?.killed)) },
    { label: 'Children killed', value: reportedCount(casualties?.killed?.children) },
    { label: 'Injured', value: reportedCount(figureTotal(casualties?.injured)) },
    ...optional,
  ];
}

type Coordinates = NonNullable<Location['coordinates']>;
type CoordinatePrecision = (typeof COORDINATE_PRECISIONS)[number];

export function coordinatePrecisionLabel(precision: CoordinatePrecision): string {
  switch (precision) {
    case 'exact':
      return 'exact position';
    case 'city':
      return 'city-level';
    case 'region':
      return 'region-level';
    case 'country':
      return 'country-level';
    default:
      return assertNever(precision, 'coordinate precision');
  }
}

function degrees(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(2)}° ${value < 0 ? negative : positive}`;
}

/** "50.45° N, 30.52° E". */
export function formatCoordinates(coordinates: Coordinates): string {
  return `${degrees(coordinates.lat, 'N', 'S')}, ${degrees(coordinates.lon, 'E', 'W')}`;
}
