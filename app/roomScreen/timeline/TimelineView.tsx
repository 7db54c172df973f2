'use client';

import { useCallback, useMemo, useRef } from 'react';
import { MS_PER_WEEK } from '@/lib/events/calendar';
import type { Schedule } from '@/lib/replay/schedule';
import { toAxisWindow } from '@/lib/timeline/compressedScale';
import { zoomLevelOf } from '@/lib/timeline/laneLayout';
import { storyTimeScale } from '@/lib/timeline/storyScale';
import { defaultViewport, fitStory, focusBefore, isInView, revealPosition, widthMs, zoomAt } from '@/lib/timeline/viewport';
import { useRoomIdentity } from '../roomIdentity';
import { useDisplayPositionMs, useRoomPlayheadMs, useScreen, type ScreenData } from '../useScreen';
import { useViewerActions } from '../useViewerActions';
import { useEventStepper } from '../useEventStepper';
import { TIMELINE_SIZE_VARS, lanesStyle } from './cssVars';
import { Playhead } from './Playhead';
import { AxisBreaks, TimeAxis } from './TimeAxis';
import { LaneLabels, TimelineLanes } from './TimelineLanes';
import { TimelineOverview } from './TimelineOverview';
import { TimelineToolbar } from './TimelineToolbar';
import { usePanZoomGestures } from './usePanZoomGestures';
import { usePlayheadPlacement } from './usePlayheadPlacement';
import { usePlotWidth } from './usePlotWidth';
import { useTimelineKeyboard } from './useTimelineKeyboard';
import { useTimelineMarks } from './useTimelineMarks';
import { useViewportState } from './useViewportState';

/**
 * The live timeline of one room's story (mounted once the room's clock and the story's schedule are known). Its axis
 * is the story's time scale (long empty stretches cut short, see compressedScale): the viewport, the gestures and
 * the layout work in axis time; story instants go through `scale.toAxis` on the way in and `scale.toStory` out.
 */
const viewInputs = (data: ScreenData) => ({
  clock: data.replay?.clock,
  serverOffsetMs: data.replay?.serverOffsetMs ?? 0,
  filtered: data.view.filtered,
  shownCount: data.view.filteredCount,
  view: data.view.view,
  selectedEventId: data.view.shown.selectedEventId,
});

export function TimelineView({ schedule }: { schedule: Schedule }) {
  const { clock, serverOffsetMs, filtered, shownCount, view, selectedEventId } = useScreen(viewInputs);
  const { isPresenter } = useRoomIdentity();
  const displayPositionMs = useDisplayPositionMs();
  const roomPlayheadMs = useRoomPlayheadMs();
  const { selectEvent, moveTo, setScrubbing } = useViewerActions();
  const step = useEventStepper();
  // Mounted by Timeline once the clock is known: it is never undefined here.
  const replay = useMemo(() => ({ clock: clock as NonNullable<typeof clock>, serverOffsetMs }), [clock, serverOffsetMs]);
  const { startMs, endMs } = replay.clock;
  const storyBounds = useMemo(() => ({ startMs, endMs }), [startMs, endMs]);
  const scale = useMemo(() => storyTimeScale(schedule.events), [schedule]);
  const bounds = useMemo(() => toAxisWindow(scale, storyBounds), [scale, storyBounds]);
  const { viewport, viewportRef, setViewport } = useViewportState(() => defaultViewport(bounds, schedule.anchorsMs.map(scale.toAxis)));
  const playheadAxisMs = displayPositionMs === null ? null : scale.toAxis(displayPositionMs);
  const plotRef = useRef<HTMLDivElement>(null);
  const widthPx = usePlotWidth(plotRef);
  const gestures = usePanZoomGestures({ plotRef, widthPx, bounds, viewportRef, setViewport });
  const playhead = usePlayheadPlacement({
    replay,
    schedule,
    following: view.mode === 'live',
    displayPositionMs,
    scrubLimitMs: isPresenter ? storyBounds.endMs : (roomPlayheadMs ?? storyBounds.endMs),
    storyBounds,
    bounds,
    scale,
    plotRef,
    widthPx,
    viewportRef,
    setViewport,
    moveTo,
    setScrubbing,
  });

  const zoomLevel = zoomLevelOf(widthPx / widthMs(viewport));
  const { lanes, shownMarks, highlightFromOrder, drawnCount } = useTimelineMarks({
    storyEvents: filtered.events,
    shownCount,
    zoomLevel,
    scale,
    viewport,
    selectedEventId,
    following: view.mode === 'live',
  });

  const zoomBy = useCallback(
    (zoomFactor: number) =>
      setViewport((v) => {
        const onScreen = playheadAxisMs !== null && isInView(v, playheadAxisMs);
        return zoomAt(v, zoomFactor, onScreen ? playheadAxisMs : (v.startMs + v.endMs) / 2, bounds);
      }),
    [setViewport, playheadAxisMs, bounds],
  );
  const fit = useCallback(() => setViewport(fitStory(bounds)), [setViewport, bounds]);
  const focusOnLastWeek = useCallback(
    () => setViewport(focusBefore(playheadAxisMs ?? bounds.endMs, MS_PER_WEEK, bounds)),
    [setViewport, playheadAxisMs, bounds],
  );
  const showPlayhead = useCallback(() => {
    if (playheadAxisMs !== null) setViewport((v) => revealPosition(v, playheadAxisMs, bounds));
  }, [setViewport, playheadAxisMs, bounds]);
  const playheadInView = playheadAxisMs === null ? null : isInView(viewport, playheadAxisMs);
  const onKeyDown = useTimelineKeyboard(step, zoomBy);

  return (
    <section
      aria-label="Timeline"
      className="timeline"
      tabIndex={0}
      style={TIMELINE_SIZE_VARS}
      data-state="ready"
      data-event-count={shownCount}
      data-marks-drawn={drawnCount}
      data-playhead-ms={displayPositionMs === null ? undefined : Math.round(displayPositionMs)}
      data-view={view.mode}
      data-playhead-in-view={playheadInView ?? undefined}
      data-breaks={scale.breaks.length}
      data-viewport-start-ms={Math.round(scale.toStory(viewport.startMs))}
      data-viewport-end-ms={Math.round(scale.toStory(viewport.endMs))}
      onKeyDown={onKeyDown}
    >
      <TimelineToolbar
        scale={scale}
        viewport={viewport}
        bounds={bounds}
        playheadInView={playheadInView}
        zoomBy={zoomBy}
        fit={fit}
        focusOnLastWeek={focusOnLastWeek}
        showPlayhead={showPlayhead}
      />
      <div className="timeline-body">
        <div className="timeline-labels" aria-hidden="true">
          <div className="timeline-axis-spacer" />
          <LaneLabels lanes={lanes} />
        </div>
        <div className="timeline-plot" ref={plotRef} {...gestures}>
          <TimeAxis viewport={viewport} widthPx={widthPx} scale={scale} />
          <AxisBreaks viewport={viewport} widthPx={widthPx} scale={scale} />
          <div className="timeline-lanes" style={lanesStyle(viewport, widthPx, bounds.startMs)}>
            <TimelineLanes lanes={lanes} originAxisMs={bounds.startMs} scale={scale} selectedEventId={selectedEventId} highlightFromOrder={highlightFromOrder} onSelect={selectEvent} />
          </div>
          <Playhead
            lineRef={playhead.lineRef}
            handleRef={playhead.handleRef}
            positionMs={displayPositionMs}
            minMs={storyBounds.startMs}
            maxMs={storyBounds.endMs}
            scrubTo={playhead.scrubTo}
          />
        </div>
        <div className="timeline-overview-label" aria-hidden="true">
          Overview
        </div>
        <TimelineOverview marks={shownMarks} scale={scale} bounds={bounds} viewport={viewport} setViewport={setViewport} playheadRef={playhead.overviewPlayheadRef} />
      </div>
    </section>
  );
}
