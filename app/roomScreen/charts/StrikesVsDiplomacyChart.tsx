'use client';

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityKind } from '@/lib/charts/activityKind';
import { formatBin } from '@/lib/charts/binLabels';
import { strikesVsDiplomacyCaption } from '@/lib/charts/captions';
import { strikesVsDiplomacyTable } from '@/lib/charts/dataTables';
import { ACTIVITY_KINDS, type StrikesVsDiplomacySeries } from '@/lib/charts/strikesVsDiplomacy';
import { binSizeLabel, type BinPlan } from '@/lib/charts/timeBins';
import { ACTIVITY_SERIES_LABELS } from '@/lib/charts/typeLabels';
import { ChartFigure } from './ChartFigure';
import { binStartOf, drawnBar } from './drawnBar';
import {
  ACTIVITY_FILLS,
  CHART_MARGIN,
  COUNT_AXIS_PROPS,
  GRID_STROKE,
  MAX_BAR_WIDTH_PX,
  TIME_CHART_HEIGHT_PX,
  TOOLTIP_CURSOR,
  binnedTimeAxisProps,
  fixedCountDomain,
  playheadLineProps,
} from './chartStyle';
import { LegendLabel } from './LegendLabel';
import { TooltipBox } from './TooltipBox';

const KIND_BARS: Record<ActivityKind, ReturnType<typeof drawnBar>> = { kinetic: drawnBar('kinetic', binStartOf), diplomatic: drawnBar('diplomatic', binStartOf) };

function ActivityTooltip({ active, label, series, plan }: { active: boolean; label: unknown; series: StrikesVsDiplomacySeries; plan: BinPlan }) {
  const row = active ? series.rows.find((r) => r.midMs === label) : undefined;
  if (!row) return null;
  const lines = ACTIVITY_KINDS.map((kind) => ({ key: kind, label: ACTIVITY_SERIES_LABELS[kind], value: row[kind], color: ACTIVITY_FILLS[kind] }));
  return <TooltipBox title={formatBin(row, plan)} lines={lines} />;
}

const StrikesVsDiplomacyPlot = memo(function StrikesVsDiplomacyPlot({ series, playheadMs }: { series: StrikesVsDiplomacySeries; playheadMs: number }) {
  const { plan } = series;
  return (
    <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
      <BarChart data={series.rows} margin={CHART_MARGIN} maxBarSize={MAX_BAR_WIDTH_PX / 2}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis {...binnedTimeAxisProps(plan)} />
        <YAxis {...COUNT_AXIS_PROPS} domain={fixedCountDomain(series.maxBinCount)} />
        <Tooltip
          cursor={TOOLTIP_CURSOR}
          isAnimationActive={false}
          content={({ active, label }) => <ActivityTooltip active={active} label={label} series={series} plan={plan} />}
        />
        <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
        {ACTIVITY_KINDS.map((kind) => (
          <Bar key={kind} dataKey={kind} name={ACTIVITY_SERIES_LABELS[kind]} fill={ACTIVITY_FILLS[kind]} shape={KIND_BARS[kind]} isAnimationActive={false} />
        ))}
        <ReferenceLine {...playheadLineProps(playheadMs)} />
      </BarChart>
    </ResponsiveContainer>
  );
});

/** Strikes and diplomatic events (meetings, proposals) side by side per time bin. */
export function StrikesVsDiplomacyChart({ series, revealed, playheadMs, isFiltered }: { series: StrikesVsDiplomacySeries; revealed: number; playheadMs: number; isFiltered: boolean }) {
  return (
    <ChartFigure
      chart="strikes-vs-diplomacy"
      caption={strikesVsDiplomacyCaption(series, { isFiltered })}
      total={series.placed.kinetic + series.placed.diplomatic}
      revealed={revealed}
      playheadMs={playheadMs}
      table={() => strikesVsDiplomacyTable(series)}
      dataAttributes={{
        'data-bin-size': binSizeLabel(series.plan),
        'data-kinetic': series.placed.kinetic,
        'data-diplomatic': series.placed.diplomatic,
        'data-approximate': series.approximate.kinetic + series.approximate.diplomatic,
        'data-outside': series.outside.kinetic + series.outside.diplomatic,
      }}
    >
      <StrikesVsDiplomacyPlot series={series} playheadMs={playheadMs} />
    </ChartFigure>
  );
}
