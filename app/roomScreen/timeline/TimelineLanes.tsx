'use client';

import { memo } from 'react';
import type { TimeScale } from '@/lib/timeline/compressedScale';
import type { DrawnLane } from '@/lib/timeline/drawnMarks';
import { LANE_LABELS, type LaneId } from '@/lib/timeline/lanes';
import { TimelineMarkButton } from './TimelineMarkButton';

interface LanesProps {
  lanes: readonly DrawnLane[];
  /** The story's start on the axis of `scale`. */
  originAxisMs: number;
  scale: TimeScale;
  selectedEventId: string | null;
  /** A mark that mounts with at least this index in the list (one of the latest events) gets the entrance highlight. */
  highlightFromOrder: number;
  onSelect(id: string): void;
}

function laneName(lane: LaneId, eventCount: number): string {
  return `${LANE_LABELS[lane]}, ${eventCount} ${eventCount === 1 ? 'event' : 'events'}`;
}

/**
 * The lanes and the marks drawn in them (in and near the viewport, see drawnMarks). Memoised: a pan or a zoom that
 * stays within the drawing window, or a playhead update, does not reach it.
 */
export const TimelineLanes = memo(function TimelineLanes({ lanes, originAxisMs, scale, selectedEventId, highlightFromOrder, onSelect }: LanesProps) {
  return (
    <>
      {lanes.map(({ lane, drawn, eventCount }) => (
        <div key={lane} className="timeline-lane" role="group" aria-label={laneName(lane, eventCount)} data-lane={lane}>
          {drawn.map(({ mark, row, order }) => (
            <TimelineMarkButton
              key={mark.id}
              mark={mark}
              row={row}
              originAxisMs={originAxisMs}
              scale={scale}
              selected={mark.id === selectedEventId}
              animateEntrance={order >= highlightFromOrder}
              onSelect={onSelect}
            />
          ))}
        </div>
      ))}
    </>
  );
});

/** The visible lane names and event counts, left of the plot, one per lane at the same height (each lane's group says the same). */
export function LaneLabels({ lanes }: { lanes: readonly DrawnLane[] }) {
  return (
    <>
      {lanes.map(({ lane, eventCount, overlapping }) => (
        <div key={lane} className="timeline-lane-label" title={overlapping > 0 ? `${overlapping} marks overlap at this zoom: zoom in to separate them` : undefined}>
          <span>{LANE_LABELS[lane]}</span>
          <span className="timeline-lane-count">{eventCount}</span>
        </div>
      ))}
    </>
  );
}
