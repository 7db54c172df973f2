'use client';

import { useCallback, useMemo, useRef } from 'react';
import { MS_PER_WEEK } from '@/lib/events/calendar';
import type { RoomReplayState } from '@/lib/realtime/client/replayConnection';
import { applyFilter } from '@/lib/replay/roomView';
import type { Schedule } from '@/lib/replay/schedule';
import { zoomLevelOf } from '@/lib/timeline/laneLayout';
import { defaultViewport, fitStory, focusBefore, widthMs, zoomAt } from '@/lib/timeline/viewport';
import { useDashboard } from '../DashboardContext';
import { useEventStepper } from '../useEventStepper';
import { TIMELINE_SIZE_VARS, lanesStyle } from './cssVars';
import { Playhead } from './Playhead';
import { TimeAxis } from './TimeAxis';
import { LaneLabels, TimelineLanes } from './TimelineLanes';
import { TimelineOverview } from './TimelineOverview';
import { TimelineToolbar } from './TimelineToolbar';
import { usePanZoomGestures } from './usePanZoomGestures';
import { usePlayheadPlacement } from './usePlayheadPlacement';
import { usePlotWidth } from './usePlotWidth';
import { useTimelineKeyboard } from './useTimelineKeyboard';
import { useTimelineMarks } from './useTimelineMarks';
import { useViewportState } from './useViewportState';

/** The live timeline of one room's story (mounted once the room's clock and the story's schedule are known). */
export function TimelineView({ replay, schedule }: { replay: RoomReplayState; schedule: Schedule }) {
  const { filteredEvents, filter, view, displayPositionMs, roomPlayheadMs, isPresenter, selectedEventId, selectEvent, moveTo, setScrubbing } = useDashboard();
  const step = useEventStepper();
  const { startMs, endMs } = replay.clock;
  const bounds = useMemo(() => ({ startMs, endMs }), [startMs, endMs]);
  const { viewport, viewportRef, setViewport } = useViewportState(() => defaultViewport(bounds, schedule.anchorsMs));
  const plotRef = useRef<HTMLDivElement>(null);
  const widthPx = usePlotWidth(plotRef);
  const gestures = usePanZoomGestures({ plotRef, widthPx, bounds, viewportRef, setViewport });
  const playhead = usePlayheadPlacement({
    replay,
    schedule,
    following: view.mode === 'live',
    displayPositionMs,
    scrubLimitMs: isPresenter ? bounds.endMs : (roomPlayheadMs ?? bounds.endMs),
    bounds,
    plotRef,
    widthPx,
    viewportRef,
    setViewport,
    moveTo,
    setScrubbing,
  });

  const zoomLevel = zoomLevelOf(widthPx / widthMs(viewport));
  const storyEvents = useMemo(() => applyFilter(schedule.events, filter), [schedule, filter]);
  const { lanes, shownMarks, highlightFromOrder, drawnCount } = useTimelineMarks({
    storyEvents,
    shownEvents: filteredEvents,
    zoomLevel,
    viewport,
    selectedEventId,
    following: view.mode === 'live',
  });

  const zoomBy = useCallback(
    (zoomFactor: number) =>
      setViewport((v) => {
        const onScreen = displayPositionMs !== null && displayPositionMs >= v.startMs && displayPositionMs <= v.endMs;
        return zoomAt(v, zoomFactor, onScreen ? displayPositionMs : (v.startMs + v.endMs) / 2, bounds);
      }),
    [setViewport, displayPositionMs, bounds],
  );
  const fit = useCallback(() => setViewport(fitStory(bounds)), [setViewport, bounds]);
  const focusOnLastWeek = useCallback(
    () => setViewport(focusBefore(displayPositionMs ?? bounds.endMs, MS_PER_WEEK, bounds)),
    [setViewport, displayPositionMs, bounds],
  );
  const onKeyDown = useTimelineKeyboard(step, zoomBy);

  return (
    <section
      aria-label="Timeline"
      className="timeline"
      tabIndex={0}
      style={TIMELINE_SIZE_VARS}
      data-state="ready"
      data-event-count={filteredEvents.length}
      data-marks-drawn={drawnCount}
      data-playhead-ms={displayPositionMs === null ? undefined : Math.round(displayPositionMs)}
      data-view={view.mode}
      data-viewport-start-ms={Math.round(viewport.startMs)}
      data-viewport-end-ms={Math.round(viewport.endMs)}
      onKeyDown={onKeyDown}
    >
      <TimelineToolbar viewport={viewport} bounds={bounds} zoomBy={zoomBy} fit={fit} focusOnLastWeek={focusOnLastWeek} />
      <div className="timeline-body">
        <div className="timeline-labels" aria-hidden="true">
          <div className="timeline-axis-spacer" />
          <LaneLabels lanes={lanes} />
        </div>
        <div className="timeline-plot" ref={plotRef} {...gestures}>
          <TimeAxis viewport={viewport} widthPx={widthPx} />
          <div className="timeline-lanes" style={lanesStyle(viewport, widthPx, bounds.startMs)}>
            <TimelineLanes lanes={lanes} originMs={bounds.startMs} selectedEventId={selectedEventId} highlightFromOrder={highlightFromOrder} onSelect={selectEvent} />
          </div>
          <Playhead
            lineRef={playhead.lineRef}
            handleRef={playhead.handleRef}
            positionMs={displayPositionMs}
            minMs={bounds.startMs}
            maxMs={bounds.endMs}
            scrubTo={playhead.scrubTo}
          />
        </div>
        <div className="timeline-overview-label" aria-hidden="true">
          Overview
        </div>
        <TimelineOverview marks={shownMarks} bounds={bounds} viewport={viewport} setViewport={setViewport} playheadRef={playhead.overviewPlayheadRef} />
      </div>
    </section>
  );
}
