import { type ChartId } from '../charts/chartIds';
import { assertNever } from '../assertNever';
import { INITIAL_PRESENTATION, type Presentation } from '../replay/presentation';
import { NO_FILTER, type EventFilter } from '../replay/eventFilter';

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
}

export const LIVE: ViewMode = { mode: 'live' };
export const NO_CHOICES: ScreenChoices = { selectedEventId: null, filter: NO_FILTER, chart: null };

/** A dashboard starts free and live; an audience screen starts following the presenter. */
export function initialViewerState(followsPresenter: boolean, own: Partial<ScreenChoices> = {}): ViewerState {
  return { mode: followsPresenter ? 'follow' : 'free', view: LIVE, own: { ...NO_CHOICES, ...own }, scrubbing: false };
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
  | { type: 'scrub'; scrubbing: boolean };

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
    default:
      return assertNever(action, 'viewer action');
  }
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
