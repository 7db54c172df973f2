import { describe, expect, it } from 'vitest';
import { replayChartDomain, storyChartDomain } from '@/lib/charts/chartDomain';
import { buildSchedule } from '@/lib/replay/schedule';
import { endOnly, makeEvent, point, utc } from '../replay/fixtures';

describe('storyChartDomain: the time charts span the events a bin can hold', () => {
  it.each([
    [
      'background years back, the precise events in April: April only',
      [makeEvent('b', point('2018-01-01', 'year')), makeEvent('c', point('2025-04-07', 'day')), makeEvent('d', point('2025-04-18', 'day'))],
      { startMs: utc(2025, 4, 7), endMs: utc(2025, 4, 18) },
    ],
    [
      'an instant counts, a week does not',
      [makeEvent('w', point('2025-03-03', 'week')), makeEvent('x', point('2025-04-07T10:30:00Z', 'exact')), makeEvent('y', point('2025-04-09', 'day'))],
      { startMs: Date.parse('2025-04-07T10:30:00Z'), endMs: utc(2025, 4, 9) },
    ],
    [
      'one precise event: a domain of one instant',
      [makeEvent('b', point('2020-01-01', 'year')), makeEvent('c', point('2025-04-07', 'day'))],
      { startMs: utc(2025, 4, 7), endMs: utc(2025, 4, 7) },
    ],
  ])('%s', (_name, events, expected) => {
    expect(storyChartDomain(buildSchedule(events))).toEqual(expected);
  });

  it('falls back to the replay span when no event is dated to a day', () => {
    const schedule = buildSchedule([makeEvent('b', point('2020-01-01', 'year')), makeEvent('e', endOnly('2025-04-17'))]);
    expect(storyChartDomain(schedule)).toEqual(replayChartDomain(schedule));
  });
});
