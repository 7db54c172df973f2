'use client';

import { useEffect, useMemo, useState } from 'react';
import type { StoryEvent } from '@/lib/events/schema';
import type { TimeScale } from '@/lib/timeline/compressedScale';
import { drawingWindow, drawnLanes } from '@/lib/timeline/drawnMarks';
import { scaleOfZoomLevel } from '@/lib/timeline/laneLayout';
import { packLanes } from '@/lib/timeline/lanePacking';
import { markOf } from '@/lib/timeline/marks';
import type { Viewport } from '@/lib/timeline/viewport';

interface MarksOptions {
  /**
   * Every event of the story that passes the filter, in release order. The marks are packed on these once per zoom
   * level: released events are always the first ones, so a release or a seek moves no mark to another row.
   */
  storyEvents: readonly StoryEvent[];
  /** How many events are shown at this screen's position: the first ones of `storyEvents`. */
  shownCount: number;
  zoomLevel: number;
  /** The story's axis; the viewport is on it. */
  scale: TimeScale;
  viewport: Viewport;
  selectedEventId: string | null;
  /** Whether the screen follows the room live: only then are newly released marks highlighted. */
  following: boolean;
}

/** The latest this many events shown get the entrance highlight when their mark mounts (while following live). */
export const HIGHLIGHTED_LATEST_EVENTS = 50;

/** False for the first frame, so the events already there when the timeline opens do not all flash at once. */
function useEntrancesArmed(): boolean {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setArmed(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return armed;
}

/**
 * The timeline's marks: packed into rows once per story, filter and zoom level, then drawn only in and near the
 * viewport, only for the events shown, and not where hidden under another mark, so that the DOM holds a bounded
 * number of marks whatever the story's size. Also the shown marks for the overview, and from which index in the
 * list a mark that mounts is highlighted as new (none while the viewer moves on their own: a scrub mounts marks at
 * every step).
 */
export function useTimelineMarks({ storyEvents, shownCount, zoomLevel, scale, viewport, selectedEventId, following }: MarksOptions) {
  const storyMarks = useMemo(() => storyEvents.map(markOf), [storyEvents]);
  const packed = useMemo(() => packLanes(storyMarks, scaleOfZoomLevel(zoomLevel), scale), [storyMarks, zoomLevel, scale]);
  const { startMs, endMs } = drawingWindow(viewport);
  const lanes = useMemo(() => drawnLanes(packed, { startMs, endMs }, shownCount, selectedEventId), [packed, startMs, endMs, shownCount, selectedEventId]);
  const shownMarks = useMemo(() => storyMarks.slice(0, shownCount), [storyMarks, shownCount]);
  const armed = useEntrancesArmed();
  const highlightFromOrder = armed && following ? shownCount - HIGHLIGHTED_LATEST_EVENTS : Number.POSITIVE_INFINITY;
  const drawnCount = lanes.reduce((sum, lane) => sum + lane.drawn.length, 0);
  return { lanes, shownMarks, highlightFromOrder, drawnCount };
}
