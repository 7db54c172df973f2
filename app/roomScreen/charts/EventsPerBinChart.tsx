'use client';

import { useCallback } from 'react';
import { formatBin } from '@/lib/charts/binLabels';
import { eventsPerBinCaption } from '@/lib/charts/captions';
import type { ChartTimeAxis } from '@/lib/charts/chartTimeAxis';
import { eventsPerBinTable } from '@/lib/charts/dataTables';
import type { EventsPerBinSeries } from '@/lib/charts/eventsPerBin';
import { binSizeLabel } from '@/lib/charts/timeBins';
import { EVENT_TYPE_SERIES_LABELS } from '@/lib/charts/typeLabels';
import { EVENT_TYPES } from '@/lib/events/eventTypes';
import { BinnedTimeChart, type BinSeries } from './BinnedTimeChart';
import { ChartFigure } from './ChartFigure';
import { EVENT_TYPE_FILLS } from './chartStyle';
import { TooltipBox } from './TooltipBox';

const TYPE_SERIES: readonly BinSeries[] = EVENT_TYPES.map((type) => ({ key: type, name: EVENT_TYPE_SERIES_LABELS[type], fill: EVENT_TYPE_FILLS[type] }));

function BinTooltip({ midMs, series }: { midMs: unknown; series: EventsPerBinSeries }) {
  const row = series.rows.find((r) => r.midMs === midMs);
  if (!row) return null;
  const lines = EVENT_TYPES.filter((type) => row[type] > 0).map((type) => ({
    key: type,
    label: EVENT_TYPE_SERIES_LABELS[type],
    value: row[type],
    color: EVENT_TYPE_FILLS[type],
  }));
  return <TooltipBox title={`${formatBin(row, series.plan)}: ${row.total === 1 ? '1 event' : `${row.total} events`}`} lines={lines} />;
}

/** Released events dated to a day, per day (or week, month, year for long spans), stacked by type. */
export function EventsPerBinChart({
  series,
  axis,
  revealed,
  playheadMs,
  isFiltered,
}: {
  series: EventsPerBinSeries;
  axis: ChartTimeAxis;
  revealed: number;
  playheadMs: number;
  isFiltered: boolean;
}) {
  const tooltip = useCallback((midMs: unknown) => <BinTooltip midMs={midMs} series={series} />, [series]);
  return (
    <ChartFigure
      chart="events-per-day"
      caption={eventsPerBinCaption(series, { isFiltered })}
      total={series.placedCount}
      revealed={revealed}
      playheadMs={playheadMs}
      table={() => eventsPerBinTable(series)}
      dataAttributes={{ 'data-bin-size': binSizeLabel(series.plan), 'data-approximate': series.approximateCount, 'data-outside': series.outsideCount }}
      timeAxis
    >
      <BinnedTimeChart
        rows={series.rows}
        plan={series.plan}
        series={TYPE_SERIES}
        layout="stacked"
        maxCount={series.maxBinTotal}
        axis={axis}
        playheadMs={playheadMs}
        tooltip={tooltip}
      />
    </ChartFigure>
  );
}
