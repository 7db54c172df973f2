'use client';

import { useCallback } from 'react';
import { formatBin } from '@/lib/charts/binLabels';
import { strikesVsDiplomacyCaption } from '@/lib/charts/captions';
import type { ChartTimeAxis } from '@/lib/charts/chartTimeAxis';
import { strikesVsDiplomacyTable } from '@/lib/charts/dataTables';
import { ACTIVITY_KINDS, type StrikesVsDiplomacySeries } from '@/lib/charts/strikesVsDiplomacy';
import { binSizeLabel } from '@/lib/charts/timeBins';
import { ACTIVITY_SERIES_LABELS } from '@/lib/charts/typeLabels';
import { BinnedTimeChart, type BinSeries } from './BinnedTimeChart';
import { ChartFigure } from './ChartFigure';
import { ACTIVITY_FILLS } from './chartStyle';
import { TooltipBox } from './TooltipBox';

const KIND_SERIES: readonly BinSeries[] = ACTIVITY_KINDS.map((kind) => ({ key: kind, name: ACTIVITY_SERIES_LABELS[kind], fill: ACTIVITY_FILLS[kind] }));

function ActivityTooltip({ midMs, series }: { midMs: unknown; series: StrikesVsDiplomacySeries }) {
  const row = series.rows.find((r) => r.midMs === midMs);
  if (!row) return null;
  const lines = ACTIVITY_KINDS.map((kind) => ({ key: kind, label: ACTIVITY_SERIES_LABELS[kind], value: row[kind], color: ACTIVITY_FILLS[kind] }));
  return <TooltipBox title={formatBin(row, series.plan)} lines={lines} />;
}

/** Strikes and diplomatic events (meetings, proposals) side by side per time bin. */
export function StrikesVsDiplomacyChart({
  series,
  axis,
  revealed,
  playheadMs,
  isFiltered,
}: {
  series: StrikesVsDiplomacySeries;
  axis: ChartTimeAxis;
  revealed: number;
  playheadMs: number;
  isFiltered: boolean;
}) {
  const tooltip = useCallback((midMs: unknown) => <ActivityTooltip midMs={midMs} series={series} />, [series]);
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
      timeAxis
    >
      <BinnedTimeChart
        rows={series.rows}
        plan={series.plan}
        series={KIND_SERIES}
        layout="side-by-side"
        maxCount={series.maxBinCount}
        axis={axis}
        playheadMs={playheadMs}
        tooltip={tooltip}
      />
    </ChartFigure>
  );
}
