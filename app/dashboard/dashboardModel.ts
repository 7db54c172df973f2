import type { ScenarioDetail } from '@/lib/api/scenarioResources';
import type { ChartId } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import type { ConnectionInfo, RoomReplayState } from '@/lib/realtime/client/replayConnection';
import type { ReplayControls } from '@/lib/realtime/client/useReplayControls';
import type { Presentation } from '@/lib/replay/presentation';
import type { EventFilter } from '@/lib/replay/roomView';
import type { Schedule } from '@/lib/replay/schedule';
import type { PresentationMode } from './presentationMode';
import type { LinkNotice } from './useOpenLink';

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
  /** The story's events the room has released, in story order. */
  releasedEvents: readonly StoryEvent[];
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
  /** The playhead is being dragged: the charts catch up when it rests or is released (the timeline follows every step). */
  scrubbing: boolean;
  setScrubbing(scrubbing: boolean): void;
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
