'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ScenarioDetail } from '@/lib/api/scenarioResources';
import { eventSpan } from '@/lib/events/eventSpan';
import type { StoryEvent } from '@/lib/events/schema';
import type { ConnectionInfo, RoomReplayState } from '@/lib/realtime/client/replayConnection';
import { useReplayControls, type ReplayControls } from '@/lib/realtime/client/useReplayControls';
import { applyFilter, eventsUpTo, type EventFilter } from '@/lib/replay/roomView';
import { buildSchedule, type Schedule } from '@/lib/replay/schedule';
import { useConnectionQuery, useReplayStateQuery } from '@/lib/queries/roomQueries';
import { useScenarioQuery } from '@/lib/queries/scenarioQueries';
import { filterFromParams, filterToParams } from './filterParams';
import { usePlayheadMs } from './usePlayhead';

export type ViewMode = { mode: 'live' } | { mode: 'detached'; positionMs: number };

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
}

const DashboardContext = createContext<DashboardModel | null>(null);

export function useDashboard(): DashboardModel {
  const model = useContext(DashboardContext);
  if (!model) throw new Error('useDashboard must be used inside <DashboardProvider>');
  return model;
}

export function DashboardProvider({ roomId, presenterKey, children }: { roomId: string; presenterKey?: string; children: ReactNode }) {
  const replay = useReplayStateQuery(roomId).data ?? null;
  const connection = useConnectionQuery(roomId).data ?? null;
  const story = useScenarioQuery(replay?.scenarioId ?? '', { enabled: Boolean(replay?.scenarioId) }).data;
  const schedule = useMemo(() => (story ? buildSchedule(story.events) : undefined), [story]);
  const roomPlayheadMs = usePlayheadMs(replay, schedule);
  const controls = useReplayControls(roomId);
  const [view, setView] = useState<ViewMode>({ mode: 'live' });
  const [selectedEventId, selectEvent] = useState<string | null>(null);

  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = useMemo(() => filterFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const setFilter = useCallback(
    (next: EventFilter) => {
      const params = filterToParams(next, new URLSearchParams(searchParams.toString())).toString();
      router.replace(params ? `${pathname}?${params}` : pathname, { scroll: false });
    },
    [router, pathname, searchParams],
  );

  const isPresenter = presenterKey !== undefined;
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
      const limit = roomPlayheadMs ?? replay.clock.positionMs;
      setView({ mode: 'detached', positionMs: Math.min(target, limit) });
    },
    [replay, isPresenter, controls, roomPlayheadMs],
  );
  const backToLive = useCallback(() => setView({ mode: 'live' }), []);

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
  };
  return <DashboardContext.Provider value={model}>{children}</DashboardContext.Provider>;
}

/** The anchor (release instant) of an event. */
export function anchorOf(event: StoryEvent): number {
  return eventSpan(event).anchorMs;
}
