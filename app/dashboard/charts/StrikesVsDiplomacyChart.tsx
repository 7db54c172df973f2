'use client';

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityKind } from '@/lib/charts/activityKind';
import { formatBin } from '@/lib/charts/binLabels';
import { strikesVsDiplomacyCaption } from '@/lib/charts/captions';
import { strikesVsDiplomacyTable } from '@/lib/charts/dataTables';
import type { StrikesVsDiplomacySeries } from '@/lib/charts/strikesVsDiplomacy';
import { binSizeLabel, type BinPlan } from '@/lib/charts/timeBins';
import { ACTIVITY_SERIES_LABELS } from '@/lib/charts/typeLabels';
import { ChartFigure } from './ChartFigure';
import { plainBar } from './plainBar';
import {
  ACTIVITY_FILLS,
  CHART_MARGIN,
  COUNT_AXIS_PROPS,
  GRID_STROKE,
  MAX_BAR_WIDTH_PX,
  TIME_CHART_HEIGHT_PX,
  TOOLTIP_CURSOR,
  binnedTimeAxisProps,
  playheadLineProps,
} from './chartStyle';
import { LegendLabel } from './LegendLabel';
import { TooltipBox } from './TooltipBox';

const ACTIVITY_KINDS: readonly ActivityKind[] = ['kinetic', 'diplomatic'];

function ActivityTooltip({ active, label, series, plan }: { active: boolean; label: unknown; series: StrikesVsDiplomacySeries; plan: BinPlan }) {
  const row = active ? series.rows.find((r) => r.midMs === label) : undefined;
  if (!row) return null;
  const lines = ACTIVITY_KINDS.map((kind) => ({ key: kind, label: ACTIVITY_SERIES_LABELS[kind], value: row[kind], color: ACTIVITY_FILLS[kind] }));
  return <TooltipBox title={formatBin(row, plan)} lines={lines} />;
}

/** Strikes and diplomatic events (meetings, proposals) side by side per time bin. */
export function StrikesVsDiplomacyChart({ series, playheadMs, isFiltered }: { series: StrikesVsDiplomacySeries; playheadMs: number; isFiltered: boolean }) {
  const { plan } = series;
  return (
    <ChartFigure
      chart="strikes-vs-diplomacy"
      caption={strikesVsDiplomacyCaption(series, { isFiltered })}
      total={series.placed.kinetic + series.placed.diplomatic}
      table={() => strikesVsDiplomacyTable(series)}
      dataAttributes={{
        'data-bin-size': plan ? binSizeLabel(plan) : 'day',
        'data-kinetic': series.placed.kinetic,
        'data-diplomatic': series.placed.diplomatic,
        'data-approximate': series.approximate.kinetic + series.approximate.diplomatic,
      }}
    >
      {plan && (
        <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
          <BarChart data={series.rows} margin={CHART_MARGIN} maxBarSize={MAX_BAR_WIDTH_PX / 2}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis {...binnedTimeAxisProps(plan)} />
            <YAxis {...COUNT_AXIS_PROPS} />
            <Tooltip
              cursor={TOOLTIP_CURSOR}
              isAnimationActive={false}
              content={({ active, label }) => <ActivityTooltip active={active} label={label} series={series} plan={plan} />}
            />
            <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
            {ACTIVITY_KINDS.map((kind) => (
              <Bar key={kind} dataKey={kind} name={ACTIVITY_SERIES_LABELS[kind]} fill={ACTIVITY_FILLS[kind]} shape={plainBar} isAnimationActive={false} />
            ))}
            <ReferenceLine {...playheadLineProps(playheadMs)} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
