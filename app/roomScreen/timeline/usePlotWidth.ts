'use client';

import { useEffect, useState, type RefObject } from 'react';

/** Used until the plot has been measured (server render, first paint). */
export const FALLBACK_PLOT_WIDTH_PX = 1000;

/** The width of the plot in CSS px, following resizes. */
export function usePlotWidth(plotRef: RefObject<HTMLElement | null>): number {
  const [widthPx, setWidthPx] = useState(FALLBACK_PLOT_WIDTH_PX);
  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidthPx(entry.contentRect.width);
    });
    observer.observe(plot);
    return () => observer.disconnect();
  }, [plotRef]);
  return widthPx;
}
