'use client';

import { Area, CartesianGrid, ComposedChart, Legend, ReferenceDot, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBinTick } from '@/lib/charts/binLabels';
import { reportedDeathsCaption } from '@/lib/charts/captions';
import { reportedDeathsTable } from '@/lib/charts/dataTables';
import { decimatedDeathsPoints } from '@/lib/charts/deathsPoints';
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

/** Each point gets a dot up to this many points; past it the dots would merge into a thick line. */
const MAX_POINTS_WITH_DOTS = 60;
/** A tooltip lists this many strikes at most (a point can hold many in a long story). */
const MAX_TOOLTIP_STRIKES = 8;

/** Room above the highest count for the end label and the playhead label. */
const withHeadroom = (maxDeaths: number) => Math.ceil(maxDeaths * 1.2) + 1;

const runningSum = (point: DeathsPoint) =>
  formatCumulativeDeaths(point.cumulativeDeaths === null ? null : { deaths: point.cumulativeDeaths, isLowerBound: point.isLowerBound });

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
    { key: 'sum', label: 'Reported so far', value: runningSum(point), color: LINE_COLOR },
  ];
  return <TooltipBox title={title} lines={lines} />;
}

/** Cumulative reported deaths of the released strikes; strikes whose toll is not reported are marked, not counted. */
export function ReportedDeathsChart({ series, playheadMs, isFiltered }: { series: ReportedDeathsSeries; playheadMs: number; isFiltered: boolean }) {
  const [fromMs, toMs] = series.domainMs ?? [playheadMs, playheadMs];
  const ticks = timeTicks(fromMs, toMs);
  const points = decimatedDeathsPoints(series.points, [fromMs, toMs]);
  const last = points[points.length - 1];
  return (
    <ChartFigure
      chart="reported-deaths"
      caption={reportedDeathsCaption(series, { isFiltered })}
      total={series.total?.deaths ?? 0}
      table={() => reportedDeathsTable(series)}
      dataAttributes={{
        'data-lower-bound': series.total?.isLowerBound ?? false,
        'data-strikes': series.strikes.length,
        'data-toll-not-reported': series.tollNotReportedCount,
      }}
    >
      <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
        <ComposedChart data={points} margin={{ ...CHART_MARGIN, right: 72 }}>
          <CartesianGrid vertical={false} stroke={GRID_STROKE} />
          <XAxis
            type="number"
            dataKey="atMs"
            domain={[fromMs, toMs]}
            ticks={ticks.ticksMs}
            interval={0}
            tickFormatter={(ms: number) => formatBinTick(ms, ticks.plan)}
            tick={AXIS_TICK}
            stroke={GRID_STROKE}
          />
          <YAxis {...COUNT_AXIS_PROPS} domain={[0, withHeadroom]} />
          <Tooltip isAnimationActive={false} content={({ active, label }) => <DeathsTooltip active={active} label={label} points={points} />} />
          <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
          {/* A step line drawn as an unfilled area: recharts' Line measures its path on every render (a forced layout). */}
          <Area
            type="stepAfter"
            dataKey="cumulativeDeaths"
            name="Reported deaths, cumulative"
            stroke={LINE_COLOR}
            strokeWidth={2}
            fill="none"
            legendType="line"
            dot={points.length <= MAX_POINTS_WITH_DOTS ? { r: 3, fill: LINE_COLOR } : false}
            isAnimationActive={false}
          />
          {/* The running sum at the end of the line: one label, not a label list with an entry per point. */}
          {last && last.cumulativeDeaths !== null && (
            <ReferenceDot x={last.atMs} y={last.cumulativeDeaths} r={0} label={{ value: runningSum(last), position: 'right', fill: 'var(--text)', fontSize: 12 }} />
          )}
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
