import type { Locator } from '@playwright/test';

/** A shape the chart drew, with the numbers it carries (`data-*`) and where it is. */
export interface DrawnShape {
  data: Record<string, string>;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TableReading {
  caption: string;
  columns: string[];
  rows: { key: string; header: string; cells: string[] }[];
}

/** Everything a chart figure shows, read from the page: its caption, its data table and the SVG it drew. */
export interface ChartReading {
  chart: string;
  /** The figure's `data-*` attributes (what it revealed, its playhead, its totals). */
  data: Record<string, string>;
  title: string;
  notes: string[];
  emptyMessage: string | null;
  /** `null` while the table is hidden (or the chart is empty and has none). */
  table: TableReading | null;
  /** Whether the plot is drawn with the latest data ('latest') or kept as it was out of view ('frozen'). */
  drawn: string | null;
  bars: DrawnShape[];
  points: DrawnShape[];
  markers: DrawnShape[];
}

/** Reads a chart figure in one pass in the page, so that every part comes from the same rendered state. */
export function readChart(figure: Locator): Promise<ChartReading> {
  return figure.evaluate((element): ChartReading => {
    const text = (node: Element | null | undefined) => node?.textContent?.trim() ?? '';
    const shape = (node: Element): DrawnShape => {
      const box = node.getBoundingClientRect();
      return { data: { ...(node as HTMLElement | SVGElement).dataset } as Record<string, string>, x: box.x, y: box.y, width: box.width, height: box.height };
    };
    const table = element.querySelector('table.chart-table');
    return {
      chart: (element as HTMLElement).dataset.chart ?? '',
      data: { ...(element as HTMLElement).dataset } as Record<string, string>,
      title: text(element.querySelector('.chart-title')),
      notes: Array.from(element.querySelectorAll('figcaption .chart-note'), (note) => text(note)),
      emptyMessage: element.querySelector('.chart-empty') ? text(element.querySelector('.chart-empty')) : null,
      table: table && {
        caption: text(table.querySelector('caption')),
        columns: Array.from(table.querySelectorAll('thead th'), (th) => text(th)),
        rows: Array.from(table.querySelectorAll('tbody tr'), (tr) => ({
          key: (tr as HTMLElement).dataset.key ?? '',
          header: text(tr.querySelector('th')),
          cells: Array.from(tr.querySelectorAll('td'), (td) => text(td)),
        })),
      },
      drawn: (element.querySelector('.chart-plot') as HTMLElement | null)?.dataset.drawn ?? null,
      bars: Array.from(element.querySelectorAll('.chart-plot rect.chart-bar'), shape),
      points: Array.from(element.querySelectorAll('.chart-plot .chart-point'), shape),
      markers: Array.from(element.querySelectorAll('.chart-plot .chart-marker'), shape),
    };
  });
}
