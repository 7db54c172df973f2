'use client';

import { createContext, startTransition, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ChartId } from '@/lib/decks/deckSchema';
import { eventSpan } from '@/lib/events/eventSpan';
import type { StoryEvent } from '@/lib/events/schema';
import { useReplayControls } from '@/lib/realtime/client/useReplayControls';
import { INITIAL_PRESENTATION } from '@/lib/replay/presentation';
import { applyFilter, countUpTo, eventsUpTo, type EventFilter } from '@/lib/replay/roomView';
import { buildSchedule } from '@/lib/replay/schedule';
import { useConnectionQuery, useReplayStateQuery } from '@/lib/queries/roomQueries';
import { useRoomStoryQuery } from '@/lib/queries/scenarioQueries';
import type { DashboardModel, ViewMode } from './dashboardModel';
import { isBlanked, shownChoices, type PresentationMode } from './presentationMode';
import { useFilterState } from './useFilterState';
import { useOpenLink } from './useOpenLink';
import { usePlayheadMs } from './usePlayhead';
import type { ResolvedLink } from './viewParams';

export type { DashboardModel, ViewMode } from './dashboardModel';
export type { PresentationMode } from './presentationMode';

const LIVE: ViewMode = { mode: 'live' };
const NO_EVENTS: readonly StoryEvent[] = [];

const DashboardContext = createContext<DashboardModel | null>(null);

export function useDashboard(): DashboardModel {
  const model = useContext(DashboardContext);
  if (!model) throw new Error('useDashboard must be used inside <DashboardProvider>');
  return model;
}

interface DashboardProviderProps {
  roomId: string;
  presenterKey?: string;
  /** An audience screen: it follows the presenter until the viewer looks around (its filter stays out of the URL). */
  followsPresenter?: boolean;
  children: ReactNode;
}

export function DashboardProvider({ roomId, presenterKey, followsPresenter = false, children }: DashboardProviderProps) {
  const replay = useReplayStateQuery(roomId).data ?? null;
  const connection = useConnectionQuery(roomId).data ?? null;
  const story = useRoomStoryQuery(replay).data;
  const schedule = useMemo(() => (story ? buildSchedule(story.events) : undefined), [story]);
  const roomPlayheadMs = usePlayheadMs(replay, schedule);
  // The stream says how many of the story's events are released; the story itself was loaded once.
  const releasedCount = replay?.released;
  const released = useMemo(() => (story && releasedCount !== undefined ? story.events.slice(0, releasedCount) : undefined), [story, releasedCount]);

  const controls = useReplayControls(roomId);
  const isPresenter = presenterKey !== undefined;
  const presentation = replay?.presentation ?? null;
  const [mode, setMode] = useState<PresentationMode>(followsPresenter ? 'follow' : 'free');
  const [ownView, setView] = useState<ViewMode>(LIVE);
  const [scrubbing, setScrubbing] = useState(false);
  const [ownEventId, setOwnEventId] = useState<string | null>(null);
  const [ownFilter, setOwnFilter] = useFilterState(!followsPresenter);
  const openLink = useCallback((link: ResolvedLink) => {
    if (link.positionMs !== null) setView({ mode: 'detached', positionMs: link.positionMs });
    setOwnEventId(link.eventId);
  }, []);
  const link = useOpenLink({ enabled: !followsPresenter, isPresenter, replay, released, roomPlayheadMs, open: openLink });
  const [ownChart, setOwnChart] = useState<ChartId | null>(link.initialChart);

  const following = mode === 'follow';
  const { selectedEventId, filter, chart } = shownChoices(mode, presentation, { selectedEventId: ownEventId, filter: ownFilter, chart: ownChart });
  const view = following ? LIVE : ownView;

  /** A follower who moves on their own starts from what the presenter showed. */
  const leaveFollowing = useCallback(() => {
    if (!following) return;
    const shown = presentation ?? INITIAL_PRESENTATION;
    setOwnEventId(shown.eventId);
    setOwnFilter(shown.filter);
    setOwnChart(shown.chart);
    setMode('free');
  }, [following, presentation, setOwnFilter]);

  const displayPositionMs = view.mode === 'detached' ? view.positionMs : roomPlayheadMs;
  const visibleEvents = useMemo(() => {
    if (!released) return NO_EVENTS;
    return view.mode === 'detached' ? eventsUpTo(released, view.positionMs) : released;
  }, [released, view]);
  // Filtered once per release or filter; a viewer's own position then takes the first of them (a binary search).
  const filteredReleasedEvents = useMemo(() => (released ? applyFilter(released, filter) : NO_EVENTS), [released, filter]);
  const filteredEvents = useMemo(() => {
    if (view.mode !== 'detached') return filteredReleasedEvents;
    const count = countUpTo(filteredReleasedEvents, view.positionMs);
    return count === filteredReleasedEvents.length ? filteredReleasedEvents : filteredReleasedEvents.slice(0, count);
  }, [filteredReleasedEvents, view]);

  const moveTo = useCallback(
    (storyMs: number) => {
      if (!replay) return;
      const target = Math.min(replay.clock.endMs, Math.max(replay.clock.startMs, storyMs));
      if (isPresenter) {
        void controls.seek(target);
        return;
      }
      leaveFollowing();
      const limit = roomPlayheadMs ?? replay.clock.positionMs;
      // The screen's content follows in a transition: a scrub stays smooth while a large story re-renders.
      startTransition(() => setView({ mode: 'detached', positionMs: Math.min(target, limit) }));
    },
    [replay, isPresenter, controls, roomPlayheadMs, leaveFollowing],
  );
  const backToLive = useCallback(() => setView(LIVE), []);
  const followPresenter = useCallback(() => {
    setMode('follow');
    setView(LIVE);
  }, []);
  const selectEvent = useCallback(
    (id: string | null) => {
      leaveFollowing();
      setOwnEventId(id);
    },
    [leaveFollowing],
  );
  const setFilter = useCallback(
    (next: EventFilter) => {
      leaveFollowing();
      setOwnFilter(next);
    },
    [leaveFollowing, setOwnFilter],
  );
  const selectChart = useCallback(
    (next: ChartId) => {
      leaveFollowing();
      setOwnChart(next);
    },
    [leaveFollowing],
  );

  const blanked = isBlanked(mode, presentation);
  const model = useMemo<DashboardModel>(
    () => ({
      roomId,
      isPresenter,
      story,
      schedule,
      replay,
      connection,
      roomPlayheadMs,
      view,
      displayPositionMs,
      releasedEvents: released ?? NO_EVENTS,
      visibleEvents,
      filteredEvents,
      filter,
      setFilter,
      selectedEventId,
      selectEvent,
      moveTo,
      scrubbing,
      setScrubbing,
      backToLive,
      controls,
      presentationMode: mode,
      followPresenter,
      presentation,
      blanked,
      chart,
      selectChart,
      linkNotice: link.notice,
    }),
    [
      roomId, isPresenter, story, schedule, replay, connection, roomPlayheadMs, view, displayPositionMs, released, visibleEvents, filteredEvents, filter,
      setFilter, selectedEventId, selectEvent, moveTo, scrubbing, backToLive, controls, mode, followPresenter, presentation, blanked, chart,
      selectChart, link.notice,
    ],
  );
  return <DashboardContext.Provider value={model}>{children}</DashboardContext.Provider>;
}

/** The anchor (release instant) of an event. */
export function anchorOf(event: StoryEvent): number {
  return eventSpan(event).anchorMs;
}
