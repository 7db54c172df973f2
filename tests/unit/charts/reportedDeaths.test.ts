import type { CasualtyQualifier } from '@/lib/events/casualtyKinds';
import type { Casualties } from '@/lib/events/casualtySchema';
import { describe, expect, it } from 'vitest';
import { chartStory, releasedCountAt } from '@/lib/charts/chartStory';
import {
  reportedDeaths,
  reportedDeathsStory,
  reportedToll,
  revealReportedDeaths,
  type CumulativeDeaths,
  type ReportedDeathsSeries,
  type ReportedToll,
} from '@/lib/charts/reportedDeaths';
import { formatCumulativeDeaths, formatToll } from '@/lib/charts/tollLabels';
import type { Tally } from '@/lib/events/casualtyTally';
import type { StoryEvent } from '@/lib/events/schema';
import { SMALL_STORY, SMALL_STORY_DOMAIN, SMALL_STORY_END_MS, at, byDay, domain, inStoryOrder, makeEvent, reported, utc } from './chartFixtures';

const tally = (count: number, bound: Tally['bound'] = 'exact', isApproximate = false): Tally => ({ count, bound, isApproximate });

const APRIL = domain('2025-04-01', '2025-04-08');

const killed = (count: number, qualifier: CasualtyQualifier = 'exact'): Casualties => ({ killed: reported(count, qualifier) });

describe('reportedToll: absent means not reported, never 0; qualifiers kept', () => {
  it.each<[string, Casualties | undefined, ReportedToll, string]>([
    ['no casualties', undefined, { kind: 'notReported' }, 'toll not reported'],
    ['empty casualties', {}, { kind: 'notReported' }, 'toll not reported'],
    ['injured only', { injured: reported(4) }, { kind: 'notReported' }, 'toll not reported'],
    ['a reported zero', killed(0), { kind: 'reported', tally: tally(0) }, '0'],
    ['killed and children', { killed: { ...reported(3), children: reported(1) } }, { kind: 'reported', tally: tally(3) }, '3'],
    ['"at least 26"', killed(26, 'at-least'), { kind: 'reported', tally: tally(26, 'at-least') }, 'at least 26'],
    ['"more than 1,400"', killed(1400, 'more-than'), { kind: 'reported', tally: tally(1400, 'more-than') }, 'more than 1,400'],
    ['"about 30"', killed(30, 'about'), { kind: 'reported', tally: tally(30, 'exact', true) }, 'about 30'],
    ['children only: a lower bound', { killed: { children: reported(9) } }, { kind: 'partOnly', tally: tally(9, 'at-least'), part: 'children' }, 'at least 9 (children; no total given)'],
    [
      'civilians and military, no total: their sum is a lower bound',
      { killed: { civilians: reported(20), military: reported(6, 'about') } },
      { kind: 'partOnly', tally: tally(26, 'at-least', true), part: 'civilians and military' },
      'about 26 or more (civilians and military; no total given)',
    ],
    [
      'children and civilians overlap: the larger part is taken, not their sum',
      { killed: { civilians: reported(4), children: reported(9, 'more-than') } },
      { kind: 'partOnly', tally: tally(9, 'more-than'), part: 'children' },
      'more than 9 (children; no total given)',
    ],
    ['military only', { killed: { military: reported(2) } }, { kind: 'partOnly', tally: tally(2, 'at-least'), part: 'military' }, 'at least 2 (military; no total given)'],
  ])('%s', (_name, casualties, toll, label) => {
    expect(reportedToll(casualties)).toEqual(toll);
    expect(formatToll(reportedToll(casualties))).toBe(label);
  });

  it.each<[CumulativeDeaths | null, string]>([
    [null, 'none reported'],
    [tally(12, 'at-least'), 'at least 12'],
    [tally(5), '5'],
    [tally(1412, 'more-than'), 'more than 1,412'],
    [tally(40, 'exact', true), 'about 40'],
    [tally(52, 'at-least', true), 'about 52 or more'],
    [tally(52, 'more-than', true), 'about 52 or more'],
  ])('a running sum of %j reads "%s"', (sum, label) => {
    expect(formatCumulativeDeaths(sum)).toBe(label);
  });
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Each point as "day: running sum [+N not reported]". */
const describePoints = (series: ReportedDeathsSeries) =>
  series.points.map((p) => {
    const sum = formatCumulativeDeaths(p.cumulative);
    const marker = p.tollNotReportedMarker === 0 ? ` [+${p.tollNotReportedCount} not reported]` : '';
    return `${day(p.atMs)}: ${sum}${marker}`;
  });

const strike = (id: string, time: StoryEvent['time'], casualties?: Casualties) => makeEvent(id, time, { type: 'strike', ...(casualties && { casualties }) });

describe('reportedDeaths on hand-made events', () => {
  it.each<[string, StoryEvent[], string | null, number, string[]]>([
    ['no strike', [makeEvent('talk', at('2025-04-04'), { casualties: killed(100) })], null, 0, []],
    [
      'lower bounds, reported totals and unknown tolls',
      [
        strike('s1', at('2025-04-04'), { killed: { children: reported(9) } }),
        makeEvent('not-a-strike', at('2025-04-05'), { casualties: killed(100) }),
        strike('s2', at('2025-04-06'), killed(2)),
        strike('s3', at('2025-04-06')),
        strike('s4', byDay('2025-04-07'), { injured: reported(4) }),
      ],
      'at least 11',
      2,
      ['2025-04-04: at least 9', '2025-04-06: at least 11 [+1 not reported]', '2025-04-07: at least 11 [+1 not reported]'],
    ],
    [
      'an unknown toll first: nothing is counted for it',
      [strike('s0', at('2025-04-01')), strike('s2', at('2025-04-04'), killed(2))],
      '2',
      1,
      ['2025-04-01: none reported [+1 not reported]', '2025-04-04: 2'],
    ],
    [
      'a sum with "more than" is "more than"; one with "about" is approximate',
      [strike('s1', at('2025-04-01'), killed(1400, 'more-than')), strike('s2', at('2025-04-02'), killed(5, 'at-least')), strike('s3', at('2025-04-03'), killed(30, 'about'))],
      'about 1,435 or more',
      0,
      ['2025-04-01: more than 1,400', '2025-04-02: more than 1,405', '2025-04-03: about 1,435 or more'],
    ],
    [
      'exact and "about" tolls: an approximate sum, not a lower bound',
      [strike('s1', at('2025-04-01'), killed(3)), strike('s2', at('2025-04-02'), killed(30, 'about'))],
      'about 33',
      0,
      ['2025-04-01: 3', '2025-04-02: about 33'],
    ],
    ['only unknown tolls', [strike('s0', at('2025-04-01'))], 'none reported', 1, ['2025-04-01: none reported [+1 not reported]']],
  ])('%s', (_name, events, total, notReported, points) => {
    const series = reportedDeaths(inStoryOrder(events), APRIL);
    expect(series.strikes.length === 0 ? null : formatCumulativeDeaths(series.total)).toBe(total);
    expect(series.tollNotReportedCount).toBe(notReported);
    expect(describePoints(series)).toEqual(points);
    expect(series.domainMs).toEqual([APRIL.startMs, APRIL.endMs]);
  });

  it('a domain of one instant still spans a day on the time axis', () => {
    const oneInstant = domain('2025-04-04', '2025-04-04');
    expect(reportedDeaths([strike('s', at('2025-04-04'))], oneInstant).domainMs).toEqual([utc('2025-04-04'), utc('2025-04-05')]);
  });

  it('strikes outside the domain are counted, and said to be', () => {
    const series = reportedDeaths([strike('before', at('2025-03-20'), killed(4)), strike('inside', at('2025-04-02'), killed(1))], APRIL);
    expect(series.total).toEqual(tally(5));
    expect(series.outsideCount).toBe(1);
  });
});

describe('reportedDeaths on a small story, revealed at the playhead', () => {
  const events = chartStory(SMALL_STORY, SMALL_STORY_DOMAIN);
  const deaths = reportedDeathsStory(events);
  it.each<[string, number, string | null, number, string[], string[]]>([
    ['before the first strike', utc('2025-04-03'), null, 0, [], []],
    ['on 12 April', utc('2025-04-12'), 'at least 9', 0, ['restaurant-strike: at least 9 (children; no total given) -> at least 9'], ['2025-04-04: at least 9']],
    [
      'at the end',
      SMALL_STORY_END_MS,
      'at least 12',
      1,
      [
        'restaurant-strike: at least 9 (children; no total given) -> at least 9',
        'city-strike: toll not reported -> at least 9',
        'drone-strike: 3 -> at least 12',
      ],
      ['2025-04-04: at least 9', '2025-04-25: at least 12 [+1 not reported]'],
    ],
  ])('%s', (_name, playheadMs, total, notReported, strikes, points) => {
    const series = revealReportedDeaths(deaths, releasedCountAt(events, playheadMs));
    expect(series.total && formatCumulativeDeaths(series.total)).toBe(total);
    expect(series.tollNotReportedCount).toBe(notReported);
    expect(series.strikes.map((s) => `${s.event.id}: ${formatToll(s.toll)} -> ${formatCumulativeDeaths(s.cumulative)}`)).toEqual(strikes);
    expect(describePoints(series)).toEqual(points);
    expect(series.maxDeaths).toBe(12);
    expect(series.domainMs).toEqual([SMALL_STORY_DOMAIN.startMs, SMALL_STORY_DOMAIN.endMs]);
  });
});
