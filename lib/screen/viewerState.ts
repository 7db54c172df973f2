import { type ChartId } from '../charts/chartIds';
import { assertNever } from '../assertNever';
import { INITIAL_PRESENTATION, type Presentation } from '../replay/presentation';
import { NO_FILTER, type EventFilter } from '../replay/eventFilter';
import type { TimeWindow } from '../timeline/compressedScale';

/**
 * What one screen's viewer chose, apart from the room: whether the screen follows the presenter, where it stands in
 * time, and its own event, filter and chart. Pure: the actions below are the only way it changes.
 */

/** 'follow': the screen shows what the presenter shows, at the room's time. 'free': its own choices. */
export type PresentationMode = 'follow' | 'free';

/** The room's time (`live`) or the viewer's own position, never past the room's playhead. */
export type ViewMode = { mode: 'live' } | { mode: 'detached'; positionMs: number };

/** What a screen shows besides the story time. */
export interface ScreenChoices {
  selectedEventId: string | null;
  filter: EventFilter;
  /** The chart picked (null: none in particular). */
  chart: ChartId | null;
}

export interface ViewerState {
  mode: PresentationMode;
  view: ViewMode;
  own: ScreenChoices;
  /** The playhead is being dragged: the charts catch up when it rests or is released. */
  scrubbing: boolean;
  /** The stretch of the story's time axis the screen shows: the timeline's window, which the time charts share. */
  window: StoryWindow | null;
}

/**
 * A window of a story's time axis, in axis time of that story's scale (lib/timeline/compressedScale), and the story
 * it belongs to (`story`: its id and version): a window of another story is no window (the screen opens its own).
 */
export interface StoryWindow extends TimeWindow {
  story: string;
}

/** The key of the story a window belongs to. */
export const storyKeyOf = (scenarioId: string, storyVersion: string) => `${scenarioId}@${storyVersion}`;

/** The viewer's window if it belongs to the story `story`, else null. */
export function windowOfStory(state: ViewerState, story: string): StoryWindow | null {
  return state.window?.story === story ? state.window : null;
}

export const LIVE: ViewMode = { mode: 'live' };
export const NO_CHOICES: ScreenChoices = { selectedEventId: null, filter: NO_FILTER, chart: null };

/** A dashboard starts free and live; an audience screen starts following the presenter. */
export function initialViewerState(followsPresenter: boolean, own: Partial<ScreenChoices> = {}): ViewerState {
  return { mode: followsPresenter ? 'follow' : 'free', view: LIVE, own: { ...NO_CHOICES, ...own }, scrubbing: false, window: null };
}

export type ViewerAction =
  /** The viewer moves in time on their own (the caller keeps it inside the story and behind the room's playhead). */
  | { type: 'detach'; positionMs: number }
  | { type: 'back-to-live' }
  | { type: 'follow-presenter' }
  | { type: 'select-event'; eventId: string | null }
  | { type: 'set-filter'; filter: EventFilter }
  | { type: 'select-chart'; chart: ChartId }
  /** A link opened: where to stand (null: live) and which event to open. Does not change the mode. */
  | { type: 'open-link'; positionMs: number | null; eventId: string | null }
  | { type: 'scrub'; scrubbing: boolean }
  /** The timeline's window moved (a pan, a zoom, or following the playhead): the viewer's own, never presented. */
  | { type: 'set-window'; window: StoryWindow };

/** The presenter's choices, as a screen shows them. */
export function choicesOfPresentation(presentation: Presentation): ScreenChoices {
  return { selectedEventId: presentation.eventId, filter: presentation.filter, chart: presentation.chart };
}

/** A follower who moves on their own starts from what the presenter showed. */
function leaveFollowing(state: ViewerState, presentation: Presentation | null): ViewerState {
  if (state.mode !== 'follow') return state;
  return { ...state, mode: 'free', own: choicesOfPresentation(presentation ?? INITIAL_PRESENTATION) };
}

/** The viewer's state after `action`, given what the presenter shows now. */
export function applyViewerAction(state: ViewerState, action: ViewerAction, presentation: Presentation | null): ViewerState {
  switch (action.type) {
    case 'detach':
      return { ...leaveFollowing(state, presentation), view: { mode: 'detached', positionMs: action.positionMs } };
    case 'back-to-live':
      return state.view.mode === 'live' ? state : { ...state, view: LIVE };
    case 'follow-presenter':
      return { ...state, mode: 'follow', view: LIVE };
    case 'select-event': {
      const free = leaveFollowing(state, presentation);
      return { ...free, own: { ...free.own, selectedEventId: action.eventId } };
    }
    case 'set-filter': {
      const free = leaveFollowing(state, presentation);
      return { ...free, own: { ...free.own, filter: action.filter } };
    }
    case 'select-chart': {
      const free = leaveFollowing(state, presentation);
      return { ...free, own: { ...free.own, chart: action.chart } };
    }
    case 'open-link':
      return {
        ...state,
        view: action.positionMs === null ? state.view : { mode: 'detached', positionMs: action.positionMs },
        own: { ...state.own, selectedEventId: action.eventId },
      };
    case 'scrub':
      return state.scrubbing === action.scrubbing ? state : { ...state, scrubbing: action.scrubbing };
    case 'set-window':
      return sameWindow(state.window, action.window) ? state : { ...state, window: action.window };
    default:
      return assertNever(action, 'viewer action');
  }
}

function sameWindow(a: StoryWindow | null, b: StoryWindow): boolean {
  return a !== null && a.startMs === b.startMs && a.endMs === b.endMs && a.story === b.story;
}

/**
 * Whether two states differ at most in their window: what a screen derives from the viewer's choices (screenView)
 * does not depend on it, so a pan or a zoom leaves that derivation as it was.
 */
export function sameApartFromWindow(a: ViewerState, b: ViewerState): boolean {
  return a.mode === b.mode && a.view === b.view && a.own === b.own && a.scrubbing === b.scrubbing;
}

/** Following: the presentation (nothing until it is known). Free: the screen's own choices. */
export function shownChoices(state: ViewerState, presentation: Presentation | null): ScreenChoices {
  switch (state.mode) {
    case 'follow':
      return presentation ? choicesOfPresentation(presentation) : NO_CHOICES;
    case 'free':
      return state.own;
    default:
      return assertNever(state.mode, 'presentation mode');
  }
}
