'use client';

import { memo } from 'react';
import { LANE_LABELS, type LaneId } from '@/lib/timeline/lanes';
import type { LaneLayout } from '@/lib/timeline/laneLayout';
import { TimelineMarkButton } from './TimelineMarkButton';

interface LanesProps {
  layout: readonly LaneLayout[];
  originMs: number;
  selectedEventId: string | null;
  animateEntrances: boolean;
  onSelect(id: string): void;
}

function laneName(lane: LaneId, eventCount: number): string {
  return `${LANE_LABELS[lane]}, ${eventCount} ${eventCount === 1 ? 'event' : 'events'}`;
}

/** The lanes and their marks. Memoised: a pan, a zoom within a level or a playhead update does not reach it. */
export const TimelineLanes = memo(function TimelineLanes({ layout, originMs, selectedEventId, animateEntrances, onSelect }: LanesProps) {
  return (
    <>
      {layout.map(({ lane, placed }) => (
        <div key={lane} className="timeline-lane" role="group" aria-label={laneName(lane, placed.length)} data-lane={lane}>
          {placed.map(({ mark, row }) => (
            <TimelineMarkButton
              key={mark.id}
              mark={mark}
              row={row}
              originMs={originMs}
              selected={mark.id === selectedEventId}
              animateEntrance={animateEntrances}
              onSelect={onSelect}
            />
          ))}
        </div>
      ))}
    </>
  );
});

/** The visible lane names and event counts, left of the plot, one per lane at the same height (each lane's group says the same). */
export function LaneLabels({ layout }: { layout: readonly LaneLayout[] }) {
  return (
    <>
      {layout.map(({ lane, placed, overlapping }) => (
        <div key={lane} className="timeline-lane-label" title={overlapping > 0 ? `${overlapping} marks overlap at this zoom: zoom in to separate them` : undefined}>
          <span>{LANE_LABELS[lane]}</span>
          <span className="timeline-lane-count">{placed.length}</span>
        </div>
      ))}
    </>
  );
}
