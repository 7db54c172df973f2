'use client';

import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBin } from '@/lib/charts/binLabels';
import { eventsPerBinCaption } from '@/lib/charts/captions';
import { eventsPerBinTable } from '@/lib/charts/dataTables';
import type { EventsPerBinSeries } from '@/lib/charts/eventsPerBin';
import { binSizeLabel, type BinPlan } from '@/lib/charts/timeBins';
import { EVENT_TYPE_SERIES_LABELS } from '@/lib/charts/typeLabels';
import { EVENT_TYPES } from '@/lib/events/eventTypes';
import { ChartFigure } from './ChartFigure';
import { plainBar } from './plainBar';
import {
  CHART_MARGIN,
  COUNT_AXIS_PROPS,
  EVENT_TYPE_FILLS,
  GRID_STROKE,
  MAX_BAR_WIDTH_PX,
  TIME_CHART_HEIGHT_PX,
  TOOLTIP_CURSOR,
  binnedTimeAxisProps,
  playheadLineProps,
} from './chartStyle';
import { LegendLabel } from './LegendLabel';
import { TooltipBox } from './TooltipBox';

function BinTooltip({ active, label, series, plan }: { active: boolean; label: unknown; series: EventsPerBinSeries; plan: BinPlan }) {
  const row = active ? series.rows.find((r) => r.midMs === label) : undefined;
  if (!row) return null;
  const lines = EVENT_TYPES.filter((type) => row[type] > 0).map((type) => ({
    key: type,
    label: EVENT_TYPE_SERIES_LABELS[type],
    value: row[type],
    color: EVENT_TYPE_FILLS[type],
  }));
  return <TooltipBox title={`${formatBin(row, plan)}: ${row.total === 1 ? '1 event' : `${row.total} events`}`} lines={lines} />;
}

/** Released events dated to a day, per day (or week, month, year for long spans), stacked by type. */
export function EventsPerBinChart({ series, playheadMs, isFiltered }: { series: EventsPerBinSeries; playheadMs: number; isFiltered: boolean }) {
  const { plan } = series;
  return (
    <ChartFigure
      chart="events-per-day"
      caption={eventsPerBinCaption(series, { isFiltered })}
      total={series.placedCount}
      table={() => eventsPerBinTable(series)}
      dataAttributes={{ 'data-bin-size': plan ? binSizeLabel(plan) : 'day', 'data-approximate': series.approximateCount }}
    >
      {plan && (
        <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
          <BarChart data={series.rows} margin={CHART_MARGIN} maxBarSize={MAX_BAR_WIDTH_PX}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis {...binnedTimeAxisProps(plan)} />
            <YAxis {...COUNT_AXIS_PROPS} />
            <Tooltip
              cursor={TOOLTIP_CURSOR}
              isAnimationActive={false}
              content={({ active, label }) => <BinTooltip active={active} label={label} series={series} plan={plan} />}
            />
            <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
            {EVENT_TYPES.map((type) => (
              <Bar key={type} dataKey={type} name={EVENT_TYPE_SERIES_LABELS[type]} stackId="types" fill={EVENT_TYPE_FILLS[type]} shape={plainBar} isAnimationActive={false} />
            ))}
            <ReferenceLine {...playheadLineProps(playheadMs)} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}
