'use client';

import { CartesianGrid, ComposedChart, LabelList, Legend, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBinTick } from '@/lib/charts/binLabels';
import { reportedDeathsCaption } from '@/lib/charts/captions';
import { reportedDeathsTable } from '@/lib/charts/dataTables';
import type { DeathsPoint, ReportedDeathsSeries } from '@/lib/charts/reportedDeaths';
import { timeTicks } from '@/lib/charts/timeTicks';
import { formatCumulativeDeaths, formatToll } from '@/lib/charts/tollLabels';
import { formatDay, formatStoryTime } from '@/lib/events/formatStoryDate';
import { ChartFigure } from './ChartFigure';
import { AXIS_TICK, CHART_MARGIN, COUNT_AXIS_PROPS, GRID_STROKE, TIME_CHART_HEIGHT_PX, playheadLineProps } from './chartStyle';
import { LegendLabel } from './LegendLabel';
import { TooltipBox } from './TooltipBox';

const LINE_COLOR = 'var(--type-strike)';
const NOT_REPORTED_COLOR = 'var(--muted)';

/** Room above the highest count for the end label and the playhead label. */
const withHeadroom = (maxDeaths: number) => Math.ceil(maxDeaths * 1.2) + 1;

const runningSum = (point: DeathsPoint) =>
  formatCumulativeDeaths(point.cumulativeDeaths === null ? null : { deaths: point.cumulativeDeaths, isLowerBound: point.isLowerBound });

function DeathsTooltip({ active, label, series }: { active: boolean; label: unknown; series: ReportedDeathsSeries }) {
  const point = active ? series.points.find((p) => p.atMs === label) : undefined;
  if (!point) return null;
  const times = new Set(point.strikes.map((strike) => formatStoryTime(strike.event.time)));
  const [onlyTime] = times;
  const title = point.strikes.length === 0 ? `Playhead, ${formatDay(point.atMs)}` : times.size === 1 && onlyTime ? onlyTime : formatDay(point.atMs);
  const lines = [
    ...point.strikes.map((strike) => ({ key: strike.event.id, label: strike.event.title, value: formatToll(strike.toll) })),
    { key: 'sum', label: 'Reported so far', value: runningSum(point), color: LINE_COLOR },
  ];
  return <TooltipBox title={title} lines={lines} />;
}

/** Cumulative reported deaths of the released strikes; strikes whose toll is not reported are marked, not counted. */
export function ReportedDeathsChart({ series, playheadMs, isFiltered }: { series: ReportedDeathsSeries; playheadMs: number; isFiltered: boolean }) {
  const [fromMs, toMs] = series.domainMs ?? [playheadMs, playheadMs];
  const ticks = timeTicks(fromMs, toMs);
  const lastIndex = series.points.length - 1;
  const data = series.points.map((point, i) => ({ ...point, endLabel: i === lastIndex && point.cumulativeDeaths !== null ? runningSum(point) : null }));
  return (
    <ChartFigure
      chart="reported-deaths"
      caption={reportedDeathsCaption(series, { isFiltered })}
      total={series.total?.deaths ?? 0}
      table={reportedDeathsTable(series)}
      dataAttributes={{
        'data-lower-bound': series.total?.isLowerBound ?? false,
        'data-strikes': series.strikes.length,
        'data-toll-not-reported': series.tollNotReportedCount,
      }}
    >
      <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
        <ComposedChart data={data} margin={{ ...CHART_MARGIN, right: 72 }}>
          <CartesianGrid vertical={false} stroke={GRID_STROKE} />
          <XAxis
            type="number"
            dataKey="atMs"
            domain={[fromMs, toMs]}
            ticks={ticks.ticksMs}
            tickFormatter={(ms: number) => formatBinTick(ms, ticks.plan)}
            tick={AXIS_TICK}
            stroke={GRID_STROKE}
          />
          <YAxis {...COUNT_AXIS_PROPS} domain={[0, withHeadroom]} />
          <Tooltip isAnimationActive={false} content={({ active, label }) => <DeathsTooltip active={active} label={label} series={series} />} />
          <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
          <Line
            type="stepAfter"
            dataKey="cumulativeDeaths"
            name="Reported deaths, cumulative"
            stroke={LINE_COLOR}
            strokeWidth={2}
            dot={{ r: 3, fill: LINE_COLOR }}
            isAnimationActive={false}
          >
            <LabelList dataKey="endLabel" position="right" fill="var(--text)" fontSize={12} />
          </Line>
          <Scatter
            dataKey="tollNotReportedMarker"
            name="Strike, toll not reported"
            shape="triangle"
            fill={NOT_REPORTED_COLOR}
            legendType="triangle"
            isAnimationActive={false}
          />
          <ReferenceLine {...playheadLineProps(playheadMs)} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
