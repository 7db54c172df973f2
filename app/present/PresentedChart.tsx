'use client';

import { type ChartId } from '@/lib/charts/chartIds';
import { memo, useMemo } from 'react';
import { ChartsPanel } from '../roomScreen/charts/ChartsPanel';

/**
 * The one chart the room is shown. Memoised: the presenter's own state (status line, pending commands, panel)
 * changes often, and the chart should redraw only when the room's data or the chosen chart changes.
 */
export const PresentedChart = memo(function PresentedChart({ chart }: { chart: ChartId }) {
  const only = useMemo(() => [chart], [chart]);
  return (
    <div className="present-chart">
      <ChartsPanel only={only} />
    </div>
  );
});
