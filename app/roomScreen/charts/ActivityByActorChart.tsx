'use client';

import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityByActorSeries, ActorActivity } from '@/lib/charts/activityByActor';
import { activityByActorCaption } from '@/lib/charts/captions';
import { activityByActorTable } from '@/lib/charts/dataTables';
import { countOf } from '@/lib/charts/text';
import { ChartFigure } from './ChartFigure';
import { drawnBar } from './drawnBar';
import { ACTOR_AXIS_WIDTH_PX, ACTOR_ROW_HEIGHT_PX, AXIS_TICK, GRID_STROKE, TOOLTIP_CURSOR, fixedCountDomain } from './chartStyle';
import { TooltipBox } from './TooltipBox';

const ACTOR_CHART_MARGIN = { top: 4, right: 36, bottom: 4, left: 0 };
const ACTOR_AXIS_HEIGHT_PX = 30;
const ACTOR_BAR = drawnBar('events', (payload) => (payload as ActorActivity).name);

function ActorTooltip({ active, label, series }: { active: boolean; label: unknown; series: ActivityByActorSeries }) {
  const actor = active ? series.top.find((a) => a.name === label) : undefined;
  if (!actor) return null;
  return <TooltipBox title={actor.name} lines={[{ key: 'events', label: 'Events', value: countOf(actor.events, 'event') }]} />;
}

const ActivityByActorPlot = memo(function ActivityByActorPlot({ series }: { series: ActivityByActorSeries }) {
  const height = series.top.length * ACTOR_ROW_HEIGHT_PX + ACTOR_AXIS_HEIGHT_PX;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={series.top} layout="vertical" margin={ACTOR_CHART_MARGIN} barCategoryGap="20%">
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis type="number" allowDecimals={false} domain={fixedCountDomain(series.maxEvents)} tick={AXIS_TICK} stroke={GRID_STROKE} interval={0} />
        <YAxis type="category" dataKey="name" width={ACTOR_AXIS_WIDTH_PX} tick={AXIS_TICK} stroke={GRID_STROKE} interval={0} />
        <Tooltip cursor={TOOLTIP_CURSOR} isAnimationActive={false} content={({ active, label }) => <ActorTooltip active={active} label={label} series={series} />} />
        <Bar dataKey="events" name="Events" fill="var(--accent)" shape={ACTOR_BAR} isAnimationActive={false}>
          <LabelList dataKey="events" position="right" fill="var(--text)" fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
});

/** The busiest actors of the released events, as horizontal bars. */
export function ActivityByActorChart({ series, revealed, isFiltered }: { series: ActivityByActorSeries; revealed: number; isFiltered: boolean }) {
  return (
    <ChartFigure
      chart="activity-by-actor"
      caption={activityByActorCaption(series, { isFiltered })}
      total={series.eventsWithActors}
      revealed={revealed}
      table={() => activityByActorTable(series)}
      dataAttributes={{ 'data-actors': series.actorCount, 'data-shown': series.top.length }}
    >
      <ActivityByActorPlot series={series} />
    </ChartFigure>
  );
}
