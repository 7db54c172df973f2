'use client';

import { createContext, useContext } from 'react';
import type { ChartId } from '@/lib/decks/deckSchema';

/** The chart a link pointed at, among all the charts shown: it is scrolled into view and outlined. */
export const HighlightedChartContext = createContext<ChartId | null>(null);

export function useIsHighlightedChart(chart: ChartId): boolean {
  return useContext(HighlightedChartContext) === chart;
}
