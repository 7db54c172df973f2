import { assertNever } from '@/lib/assertNever';
import type { Casualties, COORDINATE_PRECISIONS, Location } from '@/lib/events/schema';

/** How a figure the source may not give is shown: its number, or "not reported" — never 0 for a missing figure. */
export const NOT_REPORTED = 'not reported';

const COUNT_FORMAT = new Intl.NumberFormat('en-GB');

export function reportedCount(count: number | undefined): string {
  return count === undefined ? NOT_REPORTED : COUNT_FORMAT.format(count);
}

export interface CasualtyRow {
  label: string;
  value: string;
}

/** The three casualty figures in a fixed order, each as reported. */
export function casualtyRows(casualties: Casualties | undefined): CasualtyRow[] {
  return [
    { label: 'Killed', value: reportedCount(casualties?.killed) },
    { label: 'Children killed', value: reportedCount(casualties?.childrenKilled) },
    { label: 'Injured', value: reportedCount(casualties?.injured) },
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
