'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ScenarioDetail } from '@/lib/api/scenarioResources';
import type { ChartId } from '@/lib/decks/deckSchema';
import { eventSpan } from '@/lib/events/eventSpan';
import type { StoryEvent } from '@/lib/events/schema';
import type { ConnectionInfo, RoomReplayState } from '@/lib/realtime/client/replayConnection';
import { useReplayControls, type ReplayControls } from '@/lib/realtime/client/useReplayControls';
import { INITIAL_PRESENTATION, type Presentation } from '@/lib/replay/presentation';
import { applyFilter, eventsUpTo, type EventFilter } from '@/lib/replay/roomView';
import { buildSchedule, type Schedule } from '@/lib/replay/schedule';
import { useConnectionQuery, useReplayStateQuery } from '@/lib/queries/roomQueries';
import { useScenarioQuery } from '@/lib/queries/scenarioQueries';
import { isBlanked, shownChoices, type PresentationMode } from './presentationMode';
import { useFilterState } from './useFilterState';
import { useOpenLink, type LinkNotice } from './useOpenLink';
import { usePlayheadMs } from './usePlayhead';
import type { ResolvedLink } from './viewParams';

export type ViewMode = { mode: 'live' } | { mode: 'detached'; positionMs: number };
export type { PresentationMode } from './presentationMode';

const LIVE: ViewMode = { mode: 'live' };
export interface DashboardModel {
  roomId: string;
  isPresenter: boolean;
  story: ScenarioDetail | undefined;
  schedule: Schedule | undefined;
  replay: RoomReplayState | null;
  connection: ConnectionInfo | null;
  /** The room's playhead, updated a few times a second while playing. */
  roomPlayheadMs: number | null;
  view: ViewMode;
  /** Where this screen stands: the room's playhead, or the viewer's own position when detached. */
  displayPositionMs: number | null;
  /** Released events up to the displayed position. */
  visibleEvents: readonly StoryEvent[];
  /** Visible events that pass the filter: what the timeline and the charts show. */
  filteredEvents: readonly StoryEvent[];
  filter: EventFilter;
  setFilter(filter: EventFilter): void;
  selectedEventId: string | null;
  selectEvent(id: string | null): void;
  /** A presenter seeks the room; a viewer detaches to a private position (never past the room's playhead). */
  moveTo(storyMs: number): void;
  backToLive(): void;
  controls: ReplayControls;
  /**
   * 'follow': the screen shows the presenter's event, chart and filter at the room's time (audience screens start
   * so). 'free': its own choices; any move of the viewer (event, chart, filter, time) makes a follower free.
   */
  presentationMode: PresentationMode;
  /** Back to following the presenter: the room's time and the presentation. */
  followPresenter(): void;
  /** What the presenter shows, as the room last sent it. */
  presentation: Presentation | null;
  /** The presenter blanked the screens, and this screen follows the presenter. */
  blanked: boolean;
  /** The chart this screen shows in particular: the presenter's, a link's, or the viewer's pick. */
  chart: ChartId | null;
  selectChart(chart: ChartId): void;
  /** A link asked for a time the room has not reached: the screen shows the room's position instead. */
  linkNotice: LinkNotice | null;
}

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
  const story = useScenarioQuery(replay?.scenarioId ?? '', { enabled: Boolean(replay?.scenarioId) }).data;
  const schedule = useMemo(() => (story ? buildSchedule(story.events) : undefined), [story]);
  const roomPlayheadMs = usePlayheadMs(replay, schedule);
  const controls = useReplayControls(roomId);
  const isPresenter = presenterKey !== undefined;
  const presentation = replay?.presentation ?? null;
  const [mode, setMode] = useState<PresentationMode>(followsPresenter ? 'follow' : 'free');
  const [ownView, setView] = useState<ViewMode>(LIVE);
  const [ownEventId, setOwnEventId] = useState<string | null>(null);
  const [ownFilter, setOwnFilter] = useFilterState(!followsPresenter);
  const openLink = useCallback((link: ResolvedLink) => {
    if (link.positionMs !== null) setView({ mode: 'detached', positionMs: link.positionMs });
    setOwnEventId(link.eventId);
  }, []);
  const link = useOpenLink({ enabled: !followsPresenter, isPresenter, replay, roomPlayheadMs, open: openLink });
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
  const released = replay?.events;
  const visibleEvents = useMemo(() => {
    if (!released) return [];
    return view.mode === 'detached' ? eventsUpTo(released, view.positionMs) : released;
  }, [released, view]);
  const filteredEvents = useMemo(() => applyFilter(visibleEvents, filter), [visibleEvents, filter]);

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
      setView({ mode: 'detached', positionMs: Math.min(target, limit) });
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

  const model: DashboardModel = {
    roomId,
    isPresenter,
    story,
    schedule,
    replay,
    connection,
    roomPlayheadMs,
    view,
    displayPositionMs,
    visibleEvents,
    filteredEvents,
    filter,
    setFilter,
    selectedEventId,
    selectEvent,
    moveTo,
    backToLive,
    controls,
    presentationMode: mode,
    followPresenter,
    presentation,
    blanked: isBlanked(mode, presentation),
    chart,
    selectChart,
    linkNotice: link.notice,
  };
  return <DashboardContext.Provider value={model}>{children}</DashboardContext.Provider>;
}

/** The anchor (release instant) of an event. */
export function anchorOf(event: StoryEvent): number {
  return eventSpan(event).anchorMs;
}
