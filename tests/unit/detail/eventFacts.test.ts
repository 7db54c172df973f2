import { describe, expect, it } from 'vitest';
import { casualtyRows, coordinatePrecisionLabel, formatCoordinates, reportedCount } from '@/app/roomScreen/detail/eventFacts';
import { COORDINATE_PRECISIONS } from '@/lib/events/schema';

describe('reportedCount', () => {
  it.each<[number | undefined, string]>([
    [undefined, 'not reported'],
    [0, '0'],
    [9, '9'],
    [1200, '1,200'],
  ])('%s -> %s', (count, text) => {
    expect(reportedCount(count)).toBe(text);
  });
});

describe('casualtyRows', () => {
  it('says "not reported" for every figure the source does not give, never 0', () => {
    expect(casualtyRows({ childrenKilled: 9 })).toEqual([
      { label: 'Killed', value: 'not reported' },
      { label: 'Children killed', value: '9' },
      { label: 'Injured', value: 'not reported' },
    ]);
    expect(casualtyRows(undefined).map((row) => row.value)).toEqual(['not reported', 'not reported', 'not reported']);
  });

  it('keeps a reported zero', () => {
    expect(casualtyRows({ killed: 3, childrenKilled: 1, injured: 0 }).map((row) => row.value)).toEqual(['3', '1', '0']);
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
