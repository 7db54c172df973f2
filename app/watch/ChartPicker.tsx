'use client';

import { CHART_IDS } from '@/lib/decks/deckLimits';
import { useDashboard } from '../dashboard/DashboardContext';
import { CHART_LABELS } from '../dashboard/deck/chartLabels';

/** One chart at a time: the presenter's, or the one the viewer picks (which stops following). */
export function ChartPicker() {
  const { chart, selectChart } = useDashboard();
  return (
    <fieldset className="watch-chart-picker">
      <legend className="visually-hidden">Chart</legend>
      {CHART_IDS.map((id) => (
        <label key={id} className="chip watch-chart-choice" data-chart-choice={id}>
          <input type="radio" name="watch-chart" value={id} checked={chart === id} onChange={() => selectChart(id)} />
          {CHART_LABELS[id]}
        </label>
      ))}
    </fieldset>
  );
}
