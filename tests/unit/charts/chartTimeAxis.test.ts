import { describe, expect, it } from 'vitest';
import { binnedAxisTicks, chartTimeAxis, storyTimePixelScale } from '@/lib/charts/chartTimeAxis';
import { planBins } from '@/lib/charts/timeBins';
import { LINEAR_TIME_SCALE, scaleFromBreaks, toAxisWindow, type TimeScale } from '@/lib/timeline/compressedScale';
import { pxAt } from '@/lib/timeline/viewport';
import { utc } from './chartFixtures';

const DAY = 86_400_000;
/** A story with a year cut to a day: 2 Jan 2024 to 2 Jan 2025 takes one day of the axis. */
const CUT_YEAR: TimeScale = scaleFromBreaks([
  { fromMs: utc('2024-01-02'), toMs: utc('2025-01-02'), axisFromMs: utc('2024-01-02'), axisToMs: utc('2024-01-03'), label: 'gap: a year' },
]);

describe('storyTimePixelScale: a chart x scale through the story time scale', () => {
  const windows: [string, TimeScale, string, string][] = [
    ['linear, a week', LINEAR_TIME_SCALE, '2025-04-01', '2025-04-08'],
    ['across a break', CUT_YEAR, '2023-12-25', '2025-01-10'],
    ['inside the kept time after a break', CUT_YEAR, '2025-01-03', '2025-01-20'],
  ];
  it.each(windows)('puts each instant where the timeline puts it: %s', (_name, scale, from, to) => {
    const widthPx = 900;
    const storyWindow = { startMs: utc(from), endMs: utc(to) };
    const axisWindow = toAxisWindow(scale, storyWindow);
    const x = storyTimePixelScale(scale).domain([storyWindow.startMs, storyWindow.endMs]).range([40, 40 + widthPx]);
    for (let ms = storyWindow.startMs; ms <= storyWindow.endMs; ms += 3 * DAY + 7_000_000) {
      expect(x(ms)).toBeCloseTo(40 + pxAt(axisWindow, scale.toAxis(ms), widthPx), 6);
      expect(x.invert(x(ms))).toBeCloseTo(ms, -1);
    }
  });

  it('is immutable in effect: setting a domain or a range gives a new scale', () => {
    const base = storyTimePixelScale(LINEAR_TIME_SCALE);
    const wide = base.domain([0, 10]).range([0, 100]);
    expect(base.domain()).toEqual([0, 1]);
    expect(wide.domain()).toEqual([0, 10]);
    expect(wide.range()).toEqual([0, 100]);
    expect(wide.copy()(5)).toBe(50);
    expect(wide(15)).toBe(150);
  });
});

describe('chartTimeAxis', () => {
  const plan = planBins(utc('2025-04-01'), utc('2025-04-05'));
  it('without a window, shows its bins on a linear axis', () => {
    expect(chartTimeAxis(CUT_YEAR, null, plan)).toEqual({ startMs: utc('2025-04-01'), endMs: utc('2025-04-05'), scale: LINEAR_TIME_SCALE });
  });
  it('with the timeline window (axis time), shows it in story time on the story scale', () => {
    const axisWindow = toAxisWindow(CUT_YEAR, { startMs: utc('2023-12-01'), endMs: utc('2025-04-05') });
    expect(chartTimeAxis(CUT_YEAR, axisWindow, plan)).toEqual({ startMs: utc('2023-12-01'), endMs: utc('2025-04-05'), scale: CUT_YEAR });
  });
});

describe('binnedAxisTicks', () => {
  it('stands each tick under the middle of the bin holding it', () => {
    const plan = planBins(utc('2025-04-01'), utc('2025-04-05'));
    const ticks = binnedAxisTicks(plan, { startMs: utc('2025-04-01'), endMs: utc('2025-04-05') - 1, scale: LINEAR_TIME_SCALE });
    expect(ticks.ticksMs).toEqual(plan.bins.map((bin) => bin.midMs));
    expect(ticks.labelAt.get(plan.bins[0]?.midMs ?? 0)).toBe('1 Apr');
  });
  it('leaves a tick outside the bins where it is, and puts none inside a break', () => {
    const plan = planBins(utc('2025-01-05'), utc('2025-01-06'));
    const ticks = binnedAxisTicks(plan, { startMs: utc('2023-06-01'), endMs: utc('2025-03-01'), scale: CUT_YEAR });
    expect(ticks.ticksMs.every((ms) => ms <= utc('2024-01-02') || ms >= utc('2025-01-02'))).toBe(true);
    expect(ticks.ticksMs.length).toBeGreaterThan(0);
  });
});
