'use client';

import { CHART_IDS, CHART_LABELS } from '@/lib/charts/chartIds';
import { useScreen, type ScreenData } from '../roomScreen/useScreen';
import { useViewerActions } from '../roomScreen/useViewerActions';

/** One chart at a time: the presenter's, or the one the viewer picks (which stops following). */
const shownChart = (data: ScreenData) => data.view.shown.chart;

export function ChartPicker() {
  const chart = useScreen(shownChart);
  const { selectChart } = useViewerActions();
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
