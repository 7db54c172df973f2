'use client';

import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, ReferenceDot, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { reportedDeathsCaption } from '@/lib/charts/captions';
import type { ChartTimeAxis } from '@/lib/charts/chartTimeAxis';
import { reportedDeathsTable } from '@/lib/charts/dataTables';
import type { DeathsPoint, ReportedDeathsSeries } from '@/lib/charts/reportedDeaths';
import { formatCumulativeDeaths, formatToll } from '@/lib/charts/tollLabels';
import { isLowerBound } from '@/lib/events/casualtyTally';
import { formatDay, formatStoryTime } from '@/lib/events/formatStoryDate';
import { ChartFigure } from './ChartFigure';
import { COUNT_AXIS_PROPS, GRID_STROKE, TIME_CHART_HEIGHT_PX, TIME_CHART_MARGIN, fixedCountDomain, nearRightEdge, playheadLineProps, timeAxisProps } from './chartStyle';
import { DEATHS_LINE_COLOR, NOT_REPORTED_MARKER_COLOR, NotReportedMarker, deathsDot } from './deathsShapes';
import { LegendLabel } from './LegendLabel';
import { TooltipBox } from './TooltipBox';

/** Each point gets a visible dot up to this many points; past it the dots would merge into a thick line. */
const MAX_POINTS_WITH_DOTS = 60;
/** A tooltip lists this many strikes at most (a point can hold many in a long story). */
const MAX_TOOLTIP_STRIKES = 8;
const DOTTED = deathsDot(true);
const UNDOTTED = deathsDot(false);

/** Room above the story's total for the end label and the playhead label. */
const withHeadroom = (maxDeaths: number) => Math.ceil(maxDeaths * 1.2) + 1;

const runningSum = (point: DeathsPoint) => formatCumulativeDeaths(point.cumulative);

function DeathsTooltip({ active, label, points }: { active: boolean; label: unknown; points: readonly DeathsPoint[] }) {
  const point = active ? points.find((p) => p.atMs === label) : undefined;
  if (!point) return null;
  const times = new Set(point.strikes.map((strike) => formatStoryTime(strike.event.time)));
  const [onlyTime] = times;
  const title = point.strikes.length === 0 ? `Playhead, ${formatDay(point.atMs)}` : times.size === 1 && onlyTime ? onlyTime : formatDay(point.atMs);
  const listed = point.strikes.slice(0, MAX_TOOLTIP_STRIKES);
  const more = point.strikes.length - listed.length;
  const lines = [
    ...listed.map((strike) => ({ key: strike.event.id, label: strike.event.title, value: formatToll(strike.toll) })),
    ...(more > 0 ? [{ key: 'more', label: 'More strikes at this point', value: more }] : []),
    { key: 'sum', label: 'Reported so far', value: runningSum(point), color: DEATHS_LINE_COLOR },
  ];
  return <TooltipBox title={title} lines={lines} />;
}

/** The released points, and one more at the playhead (when it is later) to carry the line there. */
function drawnPoints(series: ReportedDeathsSeries, playheadMs: number): readonly DeathsPoint[] {
  const last = series.points[series.points.length - 1];
  if (!last || playheadMs <= last.atMs || playheadMs > series.domainMs[1]) return series.points;
  const carried: DeathsPoint = { ...last, atMs: playheadMs, strikes: [], tollNotReportedCount: 0, tollNotReportedMarker: null };
  return [...series.points, carried];
}

const ReportedDeathsPlot = memo(function ReportedDeathsPlot({ series, axis, playheadMs }: { series: ReportedDeathsSeries; axis: ChartTimeAxis; playheadMs: number }) {
  const points = drawnPoints(series, playheadMs);
  const last = points[points.length - 1];
  return (
    <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
      <ComposedChart data={points} margin={TIME_CHART_MARGIN}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis {...timeAxisProps(null, axis)} dataKey="atMs" />
        <YAxis {...COUNT_AXIS_PROPS} domain={fixedCountDomain(withHeadroom(series.maxDeaths))} />
        <Tooltip isAnimationActive={false} content={({ active, label }) => <DeathsTooltip active={active} label={label} points={points} />} />
        <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
        {/* A step line drawn as an unfilled area: recharts' Line measures its path on every render (a forced layout). */}
        <Area
          type="stepAfter"
          dataKey="cumulativeDeaths"
          name="Reported deaths, cumulative"
          stroke={DEATHS_LINE_COLOR}
          strokeWidth={2}
          fill="none"
          legendType="line"
          dot={series.points.length <= MAX_POINTS_WITH_DOTS ? DOTTED : UNDOTTED}
          isAnimationActive={false}
        />
        {/* The running sum at the end of the line: one label, not a label list with an entry per point. */}
        {last && last.cumulativeDeaths !== null && (
          <ReferenceDot x={last.atMs} y={last.cumulativeDeaths} r={0} label={{ value: runningSum(last), position: nearRightEdge(last.atMs, axis) ? 'left' : 'right', fill: 'var(--text)', fontSize: 12 }} />
        )}
        <Scatter
          dataKey="tollNotReportedMarker"
          name="Strike, toll not reported"
          shape={NotReportedMarker}
          fill={NOT_REPORTED_MARKER_COLOR}
          legendType="triangle"
          isAnimationActive={false}
        />
        <ReferenceLine {...playheadLineProps(playheadMs, axis)} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

/** Cumulative reported deaths of the released strikes; strikes whose toll is not reported are marked, not counted. */
export function ReportedDeathsChart({
  series,
  axis,
  revealed,
  playheadMs,
  isFiltered,
}: {
  series: ReportedDeathsSeries;
  axis: ChartTimeAxis;
  revealed: number;
  playheadMs: number;
  isFiltered: boolean;
}) {
  return (
    <ChartFigure
      chart="reported-deaths"
      caption={reportedDeathsCaption(series, { isFiltered })}
      total={series.total?.count ?? 0}
      revealed={revealed}
      playheadMs={playheadMs}
      table={() => reportedDeathsTable(series)}
      dataAttributes={{
        'data-lower-bound': series.total ? isLowerBound(series.total) : false,
        'data-bound': series.total?.bound ?? 'none',
        'data-approximate': series.total?.isApproximate ?? false,
        'data-strikes': series.strikes.length,
        'data-toll-not-reported': series.tollNotReportedCount,
      }}
      timeAxis
    >
      <ReportedDeathsPlot series={series} axis={axis} playheadMs={playheadMs} />
    </ChartFigure>
  );
}
