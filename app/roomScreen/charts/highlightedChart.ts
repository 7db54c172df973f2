'use client';

import { type ChartId } from '@/lib/charts/chartIds';
import { createContext, useContext } from 'react';

/** The chart a link pointed at, among all the charts shown: it is scrolled into view and outlined. */
export const HighlightedChartContext = createContext<ChartId | null>(null);

export function useIsHighlightedChart(chart: ChartId): boolean {
  return useContext(HighlightedChartContext) === chart;
}
