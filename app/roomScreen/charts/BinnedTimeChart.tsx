'use client';

import { memo, useMemo, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis, useXAxisScale } from 'recharts';
import type { ChartTimeAxis } from '@/lib/charts/chartTimeAxis';
import type { BinPlan, TimeBin } from '@/lib/charts/timeBins';
import { binBar, type BinBarPlace } from './drawnBar';
import { COUNT_AXIS_PROPS, GRID_STROKE, TIME_CHART_HEIGHT_PX, TIME_CHART_MARGIN, fixedCountDomain, playheadLineProps, timeAxisProps } from './chartStyle';
import { LegendLabel } from './LegendLabel';

/** One series of a binned chart: a key of its rows, its name in the legend and its colour. */
export interface BinSeries {
  key: string;
  name: string;
  fill: string;
}

interface BinnedTimeChartProps<Row extends TimeBin> {
  rows: readonly Row[];
  plan: BinPlan;
  /** The series, drawn stacked in one bar per bin, or side by side. */
  series: readonly BinSeries[];
  layout: 'stacked' | 'side-by-side';
  /** The largest value of the whole story: the count axis stays at it while events are revealed. */
  maxCount: number;
  axis: ChartTimeAxis;
  playheadMs: number;
  /** The tooltip of the bin whose middle is `midMs` (null: none). */
  tooltip(midMs: unknown): ReactNode;
}

/**
 * The bars of the series, each placed over its bin through the chart's x scale (the timeline's window and breaks),
 * not where recharts would centre them: a bar covers its bin's stretch of the axis, less a gap, whatever the bins
 * around it (a bin squeezed into a break would otherwise narrow every bar).
 */
function BinBars({ series, layout }: Pick<BinnedTimeChartProps<TimeBin>, 'series' | 'layout'>) {
  const xOf = useXAxisScale();
  const shapes = useMemo(
    () =>
      series.map((s, index): ReturnType<typeof binBar> => {
        const place: BinBarPlace = layout === 'stacked' ? { slot: 0, slots: 1 } : { slot: index, slots: series.length };
        return binBar(s.key, place, xOf);
      }),
    [series, layout, xOf],
  );
  return series.map((s, index) => (
    <Bar
      key={s.key}
      dataKey={s.key}
      name={s.name}
      fill={s.fill}
      stackId={layout === 'stacked' ? 'bins' : undefined}
      shape={shapes[index]}
      isAnimationActive={false}
    />
  ));
}

/** A bar chart of counts per time bin on the timeline's window: the recharts block the binned charts share. */
function BinnedTimeChartPlot<Row extends TimeBin>({ rows, plan, series, layout, maxCount, axis, playheadMs, tooltip }: BinnedTimeChartProps<Row>) {
  return (
    <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
      <BarChart data={rows as Row[]} margin={TIME_CHART_MARGIN} barSize={1}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis {...timeAxisProps(plan, axis)} dataKey="midMs" />
        <YAxis {...COUNT_AXIS_PROPS} domain={fixedCountDomain(maxCount)} />
        <Tooltip cursor={false} isAnimationActive={false} content={({ active, label }) => (active ? tooltip(label) : null)} />
        <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
        <BinBars series={series} layout={layout} />
        <ReferenceLine {...playheadLineProps(playheadMs, axis)} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Redrawn only when its rows (a reveal that changed something), the window or the playhead change. */
export const BinnedTimeChart = memo(BinnedTimeChartPlot) as typeof BinnedTimeChartPlot;
