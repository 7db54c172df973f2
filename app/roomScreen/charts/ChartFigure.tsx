'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { ChartCaption } from '@/lib/charts/captions';
import type { ChartTable } from '@/lib/charts/dataTables';
import { ChartDataTable } from './ChartDataTable';
import { FrozenOffscreen, useInView } from './FrozenOffscreen';
import { useIsHighlightedChart } from './highlightedChart';
import { SaveChartPngButton } from './SaveChartPngButton';

export type ChartId = 'events-per-day' | 'reported-deaths' | 'strikes-vs-diplomacy' | 'activity-by-actor';

/** Extra `data-*` attributes a chart exposes to tests (its numbers, never its pixels). */
export type ChartDataAttributes = Record<`data-${string}`, string | number | boolean>;

interface ChartFigureProps {
  chart: ChartId;
  caption: ChartCaption;
  /** The count the chart represents, as `data-total`. */
  total: number;
  /** How many of the story's (filtered) events the chart reveals, as `data-revealed`. */
  revealed: number;
  /** The playhead the chart draws, if it draws one, as `data-playhead-ms`. */
  playheadMs?: number;
  /** The chart's numbers as a table, made only when the table is shown (it can hold a row per event). */
  table: () => ChartTable;
  dataAttributes?: ChartDataAttributes;
  /** A chart drawn against time: it shares the timeline's window and stands under the timeline's plot. */
  timeAxis?: boolean;
  /** The plot; not rendered when the caption has an empty message, nor redrawn while out of view. */
  children: ReactNode;
}

/** Outlines the chart a link pointed at, and brings it into view once. */
function useHighlight(chart: ChartId) {
  const highlighted = useIsHighlightedChart(chart);
  const figureRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (highlighted) figureRef.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);
  return { highlighted, figureRef };
}

/**
 * A chart as a figure: its caption, the plot (or why there is none), a data table on demand, and a PNG to save.
 * The caption and the `data-*` numbers always follow the data; the plot is redrawn only in (or near) the viewport.
 */
export function ChartFigure({ chart, caption, total, revealed, playheadMs, table, dataAttributes, timeAxis = false, children }: ChartFigureProps) {
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const tableId = useId();
  const { highlighted, figureRef } = useHighlight(chart);
  const inView = useInView(figureRef);
  const isEmpty = caption.emptyMessage !== null;
  return (
    <figure
      ref={figureRef}
      className={timeAxis ? 'chart chart-time' : 'chart'}
      aria-labelledby={titleId}
      data-chart={chart}
      data-total={total}
      data-revealed={revealed}
      data-playhead-ms={playheadMs === undefined ? undefined : Math.round(playheadMs)}
      data-state={isEmpty ? 'empty' : 'ready'}
      data-highlighted={highlighted || undefined}
      {...dataAttributes}
    >
      <figcaption className="chart-caption">
        <span className="chart-title" id={titleId}>
          {caption.title}
        </span>
        {caption.notes.map((note) => (
          <span className="chart-note" key={note}>
            {note}
          </span>
        ))}
      </figcaption>
      {isEmpty ? (
        <p className="chart-empty">{caption.emptyMessage}</p>
      ) : (
        <div className="chart-plot" data-drawn={inView ? 'latest' : 'frozen'}>
          <FrozenOffscreen inView={inView}>{children}</FrozenOffscreen>
        </div>
      )}
      {!isEmpty && (
        <>
          <div className="chart-actions">
            <button type="button" className="button chart-table-toggle" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable(!showTable)}>
              {showTable ? 'Hide data table' : 'Show data table'}
            </button>
            <SaveChartPngButton chart={chart} title={caption.title} />
          </div>
          <div id={tableId} className="chart-table-wrap" hidden={!showTable}>
            {showTable && <ChartDataTable table={table()} />}
          </div>
        </>
      )}
    </figure>
  );
}
