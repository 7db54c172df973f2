import type { CasualtyQualifier } from '@/lib/events/casualtyKinds';
import type { Casualties, CasualtyCount } from '@/lib/events/casualtySchema';
import { describe, expect, it } from 'vitest';
import { casualtyRows, coordinatePrecisionLabel, formatCoordinates, reportedCount } from '@/app/roomScreen/detail/eventFacts';
import { COORDINATE_PRECISIONS } from '@/lib/events/schema';

const figure = (count: number, qualifier: CasualtyQualifier = 'exact') => ({ count, qualifier });

describe('reportedCount: a figure with its qualifier, or "not reported"', () => {
  it.each<[CasualtyCount | undefined, string]>([
    [undefined, 'not reported'],
    [figure(0), '0'],
    [figure(9), '9'],
    [figure(1200), '1,200'],
    [figure(26, 'at-least'), 'at least 26'],
    [figure(1400, 'more-than'), 'more than 1,400'],
    [figure(30, 'about'), 'about 30'],
  ])('%j -> %s', (count, text) => {
    expect(reportedCount(count)).toBe(text);
  });
});

describe('casualtyRows', () => {
  it.each<[string, Casualties | undefined, [string, string][]]>([
    ['nothing reported', undefined, [['Killed', 'not reported'], ['Children killed', 'not reported'], ['Injured', 'not reported']]],
    [
      'children only: the total stays "not reported", never 0',
      { killed: { children: figure(9) } },
      [['Killed', 'not reported'], ['Children killed', '9'], ['Injured', 'not reported']],
    ],
    [
      'a reported zero is kept',
      { killed: { ...figure(3), children: figure(1) }, injured: figure(0) },
      [['Killed', '3'], ['Children killed', '1'], ['Injured', '0']],
    ],
    [
      'qualifiers and a breakdown',
      { killed: { ...figure(26, 'at-least'), civilians: figure(20, 'about'), military: figure(4) }, injured: { ...figure(1400, 'more-than'), children: figure(30, 'about') } },
      [
        ['Killed', 'at least 26'],
        ['Children killed', 'not reported'],
        ['Injured', 'more than 1,400'],
        ['Civilians killed', 'about 20'],
        ['Military killed', '4'],
        ['Children injured', 'about 30'],
      ],
    ],
  ])('%s', (_name, casualties, rows) => {
    expect(casualtyRows(casualties).map((row) => [row.label, row.value])).toEqual(rows);
  });
});

describe('coordinates', () => {
  it.each<[number, number, string]>([
    [50.4501, 30.5234, '50.45° N, 30.52° E'],
    [-33.8688, -151.2093, '33.87° S, 151.21° W'],
    [0, 0, '0.00° N, 0.00° E'],
  ])('%s, %s -> %s', (lat, lon, text) => {
    expect(formatCoordinates({ lat, lon, precision: 'city' })).toBe(text);
  });

  it('names every precision', () => {
    expect(COORDINATE_PRECISIONS.map(coordinatePrecisionLabel)).toEqual(['exact position', 'city-level', 'region-level', 'country-level']);
  });
});
