'use client';

import { CHART_IDS, CHART_LABELS } from '@/lib/charts/chartIds';
import { usePresenter } from './PresenterContext';

/** The one chart shown to the room; keys 1 to 4 do the same. */
export function ChartPicker() {
  const { presentation, actions } = usePresenter();
  return (
    <fieldset className="present-chart-picker">
      <legend>Chart shown</legend>
      {CHART_IDS.map((chart, index) => (
        <button
          key={chart}
          type="button"
          className="button"
          aria-pressed={presentation.chart === chart}
          aria-keyshortcuts={String(index + 1)}
          onClick={() => actions.chooseChart(chart)}
        >
          <kbd aria-hidden="true">{index + 1}</kbd> {CHART_LABELS[chart]}
        </button>
      ))}
    </fieldset>
  );
}
