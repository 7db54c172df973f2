'use client';

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatBin } from '@/lib/charts/binLabels';
import { eventsPerBinCaption } from '@/lib/charts/captions';
import { eventsPerBinTable } from '@/lib/charts/dataTables';
import type { EventsPerBinSeries } from '@/lib/charts/eventsPerBin';
import { binSizeLabel, type BinPlan } from '@/lib/charts/timeBins';
import { EVENT_TYPE_SERIES_LABELS } from '@/lib/charts/typeLabels';
import { EVENT_TYPES, type EventType } from '@/lib/events/eventTypes';
import { ChartFigure } from './ChartFigure';
import { binStartOf, drawnBar } from './drawnBar';
import {
  CHART_MARGIN,
  COUNT_AXIS_PROPS,
  EVENT_TYPE_FILLS,
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

const TYPE_BARS = Object.fromEntries(EVENT_TYPES.map((type) => [type, drawnBar(type, binStartOf)])) as Record<EventType, ReturnType<typeof drawnBar>>;

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

/** The plot: redrawn only when its series (a reveal that changed something) or the playhead moves. */
const EventsPerBinPlot = memo(function EventsPerBinPlot({ series, playheadMs }: { series: EventsPerBinSeries; playheadMs: number }) {
  const { plan } = series;
  return (
    <ResponsiveContainer width="100%" height={TIME_CHART_HEIGHT_PX}>
      <BarChart data={series.rows} margin={CHART_MARGIN} maxBarSize={MAX_BAR_WIDTH_PX}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis {...binnedTimeAxisProps(plan)} />
        <YAxis {...COUNT_AXIS_PROPS} domain={fixedCountDomain(series.maxBinTotal)} />
        <Tooltip
          cursor={TOOLTIP_CURSOR}
          isAnimationActive={false}
          content={({ active, label }) => <BinTooltip active={active} label={label} series={series} plan={plan} />}
        />
        <Legend itemSorter={null} formatter={(value) => <LegendLabel text={String(value)} />} />
        {EVENT_TYPES.map((type) => (
          <Bar key={type} dataKey={type} name={EVENT_TYPE_SERIES_LABELS[type]} stackId="types" fill={EVENT_TYPE_FILLS[type]} shape={TYPE_BARS[type]} isAnimationActive={false} />
        ))}
        <ReferenceLine {...playheadLineProps(playheadMs)} />
      </BarChart>
    </ResponsiveContainer>
  );
});

/** Released events dated to a day, per day (or week, month, year for long spans), stacked by type. */
export function EventsPerBinChart({ series, revealed, playheadMs, isFiltered }: { series: EventsPerBinSeries; revealed: number; playheadMs: number; isFiltered: boolean }) {
  return (
    <ChartFigure
      chart="events-per-day"
      caption={eventsPerBinCaption(series, { isFiltered })}
      total={series.placedCount}
      revealed={revealed}
      playheadMs={playheadMs}
      table={() => eventsPerBinTable(series)}
      dataAttributes={{ 'data-bin-size': binSizeLabel(series.plan), 'data-approximate': series.approximateCount, 'data-outside': series.outsideCount }}
    >
      <EventsPerBinPlot series={series} playheadMs={playheadMs} />
    </ChartFigure>
  );
}
