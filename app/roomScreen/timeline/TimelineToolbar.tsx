'use client';

import { formatDay } from '@/lib/events/formatStoryDate';
import type { TimeScale } from '@/lib/timeline/compressedScale';
import { MIN_VIEWPORT_WIDTH_MS, fitStory, widthMs, type StoryBounds, type Viewport } from '@/lib/timeline/viewport';

/** Each zoom button halves or doubles the visible time. */
export const ZOOM_BUTTON_FACTOR = 2;

interface ToolbarProps {
  /** The story's axis: `viewport` and `bounds` are on it. */
  scale: TimeScale;
  viewport: Viewport;
  bounds: StoryBounds;
  /** Whether the playhead is in the window; null while its position is not known. */
  playheadInView: boolean | null;
  zoomBy(zoomFactor: number): void;
  fit(): void;
  focusOnLastWeek(): void;
  showPlayhead(): void;
}

/**
 * Zoom buttons, the visible range and the legend of mark shapes. When the window has been moved away from the
 * playhead (the timeline then keeps it and stops following), "Show the playhead" brings it back and following
 * resumes; otherwise that button is there but says it has nothing to do (aria-disabled, so that it keeps its place
 * and its focus).
 */
export function TimelineToolbar({ scale, viewport, bounds, playheadInView, zoomBy, fit, focusOnLastWeek, showPlayhead }: ToolbarProps) {
  const width = widthMs(viewport);
  return (
    <div className="timeline-toolbar">
      <h2 className="timeline-heading">Timeline</h2>
      <div className="timeline-zoom" role="group" aria-label="Zoom">
        <button type="button" className="button" onClick={() => zoomBy(ZOOM_BUTTON_FACTOR)} disabled={width <= MIN_VIEWPORT_WIDTH_MS}>
          Zoom in
        </button>
        <button type="button" className="button" onClick={() => zoomBy(1 / ZOOM_BUTTON_FACTOR)} disabled={width >= widthMs(fitStory(bounds))}>
          Zoom out
        </button>
        <button type="button" className="button" onClick={fit}>
          Fit the story
        </button>
        <button type="button" className="button" onClick={focusOnLastWeek}>
          Focus on the last week
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={playheadInView !== false}
          data-testid="show-playhead"
          onClick={() => {
            if (playheadInView === false) showPlayhead();
          }}
        >
          Show the playhead
        </button>
      </div>
      <p className="timeline-range muted" aria-live="off">
        {formatDay(scale.toStory(viewport.startMs))} – {formatDay(scale.toStory(viewport.endMs))} <abbr title="Coordinated Universal Time">UTC</abbr>
      </p>
      <ul className="timeline-legend" aria-label="Legend">
        <li>
          <span className="timeline-legend-swatch timeline-mark-point" aria-hidden="true" /> day known
        </li>
        <li>
          <span className="timeline-legend-swatch timeline-mark-span" aria-hidden="true" /> approximate
        </li>
        <li>
          <span className="timeline-legend-swatch timeline-mark-onOrBefore" aria-hidden="true" /> date not given
        </li>
      </ul>
    </div>
  );
}
