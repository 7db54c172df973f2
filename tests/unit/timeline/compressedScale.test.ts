import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/synthetic/random';
import {
  BREAK_SHARE_OF_AXIS,
  LINEAR_TIME_SCALE,
  MAX_BREAKS_SHARE_OF_AXIS,
  breaksIn,
  buildTimeScale,
  emptyStretches,
  findBreaks,
  keptPieces,
  toAxisWindow,
  toStoryWindow,
  typicalSpacingMs,
  type TimeExtent,
  type TimeScale,
} from '@/lib/timeline/compressedScale';
import { DAY, HOUR, utc } from './fixtures';

const at = (ms: number): TimeExtent => ({ fromMs: ms, toMs: ms });
const over = (fromMs: number, toMs: number): TimeExtent => ({ fromMs, toMs });
const days = (startMs: number, count: number, everyMs = DAY) => Array.from({ length: count }, (_, i) => at(startMs + i * everyMs));

/** Like the first story: a year in 2018, a year in 2022, a range from January 2025, then daily events in April 2025. */
const ARTICLE_LIKE = [
  over(utc(2018, 1, 1), utc(2019, 1, 1)),
  over(utc(2022, 1, 1), utc(2023, 1, 1)),
  over(utc(2022, 9, 1), utc(2022, 12, 1)),
  over(utc(2025, 1, 1), utc(2025, 4, 25)),
  ...days(utc(2025, 4, 4), 22),
];
/** Two dense weeks two years apart. */
const TWO_CLUSTERS = [...days(utc(2020, 3, 1), 7), ...days(utc(2022, 3, 1), 7)];
/** Ten events a year apart: evenly spread, nothing to cut. */
const EVEN_YEARS = Array.from({ length: 10 }, (_, i) => at(utc(2010 + i, 6, 1)));

describe('typicalSpacingMs: the median positive gap between consecutive starts', () => {
  it.each<[string, TimeExtent[], number | null]>([
    ['daily events', days(0, 5), DAY],
    ['an even count of gaps: the mean of the middle two', [at(0), at(HOUR), at(3 * HOUR), at(6 * HOUR), at(10 * HOUR)], 2.5 * HOUR],
    ['events at one instant are not a gap', [at(0), at(0), at(0), at(DAY), at(2 * DAY)], DAY],
    ['all at one instant: none', [at(5), at(5)], null],
    ['one event: none', [at(5)], null],
  ])('%s', (_name, extents, expected) => {
    expect(typicalSpacingMs(extents)).toBe(expected);
  });
});

describe('emptyStretches: what no extent covers, between the first and the last', () => {
  it.each<[string, TimeExtent[], TimeExtent[]]>([
    ['points', [at(10), at(0), at(4)], [over(0, 4), over(4, 10)]],
    ['a span covering later points', [over(0, 100), at(20), at(50), at(130)], [over(100, 130)]],
    ['overlapping spans', [over(0, 10), over(5, 20), over(20, 30)], []],
    ['a span given backwards is taken forwards', [over(10, 0), at(15)], [over(10, 15)]],
    ['nothing', [], []],
  ])('%s', (_name, extents, expected) => {
    expect(emptyStretches(extents)).toEqual(expected);
  });
});

describe('findBreaks', () => {
  it.each<[string, TimeExtent[], TimeExtent[]]>([
    ['two dense weeks two years apart: the gap between them', TWO_CLUSTERS, [over(utc(2020, 3, 7), utc(2022, 3, 1))]],
    ['the first story: the years between 2018, 2022 and 2025', ARTICLE_LIKE, [over(utc(2019, 1, 1), utc(2022, 1, 1)), over(utc(2023, 1, 1), utc(2025, 1, 1))]],
    ['evenly spread events: none', EVEN_YEARS, []],
    ['daily events without a hole: none', days(utc(2025, 1, 1), 60), []],
    // 20 hourly events then one 23 hours later: 23 x the spacing and most of the span, but under a day.
    ['a gap under a day: none', [...days(0, 20, HOUR), at(19 * HOUR + 23 * HOUR)], []],
    // Daily for 100 days, one 8-day hole: 8 x the spacing (not 20), 8% of the span (not 10%).
    ['a short hole in a long run: none', [...days(0, 50), ...days(57 * DAY, 50)], []],
    ['covered by a long span: none', [over(utc(2018, 1, 1), utc(2025, 1, 1)), ...days(utc(2020, 1, 1), 5), ...days(utc(2024, 1, 1), 5)], []],
    ['a single event: none', [at(0)], []],
    ['everything at one instant: none', [at(7), at(7), at(7)], []],
  ])('%s', (_name, extents, expected) => {
    expect(findBreaks(extents)).toEqual(expected);
  });
});

/** Story instants around every knot of the scale, and far outside it. */
function probes(scale: TimeScale, extents: readonly TimeExtent[]): number[] {
  const knots = scale.breaks.flatMap((b) => [b.fromMs, b.toMs, (b.fromMs + b.toMs) / 2]);
  const near = knots.flatMap((k) => [k - DAY, k - 1, k, k + 1, k + DAY]);
  const ends = extents.flatMap((e) => [e.fromMs, e.toMs]);
  return [...near, ...ends, -1e13, 0, 4e12].map(Math.round);
}

describe('buildTimeScale', () => {
  const cases: [string, TimeExtent[]][] = [
    ['two clusters', TWO_CLUSTERS],
    ['the first story', ARTICLE_LIKE],
    ['evenly spread (no breaks)', EVEN_YEARS],
  ];

  // Inside a break a thousand story ms or more share one axis ms, so floating point keeps the instant to within 1 ms
  // there (a pixel is days wide); everywhere else the round trip is exact to a microsecond.
  it.each(cases)('%s: toStory(toAxis(t)) gives t back, and toAxis(toStory(a)) gives a back', (_name, extents) => {
    const scale = buildTimeScale(extents);
    for (const ms of probes(scale, extents)) {
      const inBreak = scale.breaks.some((b) => ms > b.fromMs && ms < b.toMs);
      const axisMs = scale.toAxis(ms);
      expect(Math.abs(scale.toStory(axisMs) - ms)).toBeLessThanOrEqual(inBreak ? 1 : 1e-3);
      expect(Math.abs(scale.toAxis(scale.toStory(axisMs)) - axisMs)).toBeLessThanOrEqual(1e-3);
    }
  });

  it.each(cases)('%s: strictly increasing (seeded random instants, sorted)', (_name, extents) => {
    const scale = buildTimeScale(extents);
    const random = seededRandom(7);
    const fromMs = utc(2009, 1, 1);
    const sorted = Array.from({ length: 2_000 }, () => fromMs + random() * (utc(2026, 1, 1) - fromMs)).sort((a, b) => a - b);
    const mapped = sorted.map(scale.toAxis);
    for (let i = 1; i < mapped.length; i++) if (sorted[i] !== sorted[i - 1]) expect(mapped[i]).toBeGreaterThan(mapped[i - 1] as number);
  });

  it('is the identity without breaks', () => {
    const scale = buildTimeScale(EVEN_YEARS);
    expect(scale).toBe(LINEAR_TIME_SCALE);
    expect([scale.toAxis(123), scale.toStory(-456)]).toEqual([123, -456]);
  });

  it('keeps story time before the first break, runs at its speed between breaks, and squeezes each break', () => {
    const scale = buildTimeScale(ARTICLE_LIKE);
    const [first, second] = scale.breaks;
    if (!first || !second) throw new Error('two breaks expected');
    expect(scale.toAxis(utc(2018, 6, 1))).toBe(utc(2018, 6, 1));
    expect(scale.toAxis(utc(2022, 6, 1)) - scale.toAxis(utc(2022, 3, 1))).toBe(utc(2022, 6, 1) - utc(2022, 3, 1));
    expect(scale.toAxis(utc(2025, 4, 20)) - scale.toAxis(utc(2025, 4, 10))).toBe(10 * DAY);
    // Each break takes BREAK_SHARE_OF_AXIS of the story's extent on the axis, however long it is (3 years, 2 years).
    const axis = toAxisWindow(scale, { startMs: utc(2018, 1, 1), endMs: utc(2025, 4, 26) });
    for (const b of [first, second]) expect((b.axisToMs - b.axisFromMs) / (axis.endMs - axis.startMs)).toBeCloseTo(BREAK_SHARE_OF_AXIS, 4);
    expect([first.label, second.label]).toEqual([
      'gap: 3 years without events (1 Jan 2019 – 1 Jan 2022)',
      'gap: 2 years without events (1 Jan 2023 – 1 Jan 2025)',
    ]);
  });

  it('gives many breaks less each: together at most MAX_BREAKS_SHARE_OF_AXIS', () => {
    // Ten dense days every five years: nine long gaps.
    const extents = Array.from({ length: 10 }, (_, i) => days(utc(1980 + 5 * i, 1, 1), 10)).flat();
    const scale = buildTimeScale(extents);
    expect(scale.breaks).toHaveLength(9);
    const axis = toAxisWindow(scale, { startMs: utc(1980, 1, 1), endMs: utc(2025, 1, 10) });
    const breaksShare = scale.breaks.reduce((sum, b) => sum + b.axisToMs - b.axisFromMs, 0) / (axis.endMs - axis.startMs);
    expect(breaksShare).toBeCloseTo(MAX_BREAKS_SHARE_OF_AXIS, 3);
  });
});

describe('windows, breaks and kept pieces', () => {
  const scale = buildTimeScale(TWO_CLUSTERS);
  const gap = scale.breaks[0];
  if (!gap) throw new Error('one break expected');
  const axisOf = (startMs: number, endMs: number) => ({ startMs: scale.toAxis(startMs), endMs: scale.toAxis(endMs) });

  it.each<[string, { startMs: number; endMs: number }, TimeExtent[], number]>([
    ['before the break: one piece, no break', axisOf(utc(2020, 2, 20), utc(2020, 3, 5)), [over(utc(2020, 2, 20), utc(2020, 3, 5))], 0],
    [
      'across the break: two pieces around it',
      axisOf(utc(2020, 3, 1), utc(2022, 3, 5)),
      [over(utc(2020, 3, 1), gap.fromMs), over(gap.toMs, utc(2022, 3, 5))],
      1,
    ],
    ['inside the break: no piece', { startMs: gap.axisFromMs + 1, endMs: gap.axisToMs - 1 }, [], 1],
    ['ending where the break starts: the piece, the break does not show', { startMs: gap.axisFromMs - DAY, endMs: gap.axisFromMs }, [over(gap.fromMs - DAY, gap.fromMs)], 0],
  ])('%s', (_name, window, pieces, breakCount) => {
    const kept = keptPieces(scale, window);
    expect(kept.length).toBe(pieces.length);
    kept.forEach((piece, i) => {
      expect(piece.fromMs).toBeCloseTo((pieces[i] as TimeExtent).fromMs, 3);
      expect(piece.toMs).toBeCloseTo((pieces[i] as TimeExtent).toMs, 3);
    });
    expect(breaksIn(scale, window)).toHaveLength(breakCount);
  });

  it('converts windows both ways', () => {
    const story = { startMs: utc(2020, 3, 2), endMs: utc(2022, 3, 3) };
    const back = toStoryWindow(scale, toAxisWindow(scale, story));
    expect(back.startMs).toBeCloseTo(story.startMs, 3);
    expect(back.endMs).toBeCloseTo(story.endMs, 3);
  });
});
