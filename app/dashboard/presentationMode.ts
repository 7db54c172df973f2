import { assertNever } from '@/lib/assertNever';
import type { ChartId } from '@/lib/decks/deckSchema';
import type { Presentation } from '@/lib/replay/presentation';
import { NO_FILTER, type EventFilter } from '@/lib/replay/roomView';

/**
 * An audience screen either follows the presenter (what it shows comes from the room's presentation) or is free
 * (the viewer looks around on their own). A dashboard is always free.
 */
export type PresentationMode = 'follow' | 'free';

/** What a screen shows besides the story time. */
export interface ScreenChoices {
  selectedEventId: string | null;
  filter: EventFilter;
  /** The chart picked (null: none in particular). */
  chart: ChartId | null;
}

export const NO_CHOICES: ScreenChoices = { selectedEventId: null, filter: NO_FILTER, chart: null };

/** The presenter's choices, as a screen shows them. */
export function choicesOfPresentation(presentation: Presentation): ScreenChoices {
  return { selectedEventId: presentation.eventId, filter: presentation.filter, chart: presentation.chart };
}

/** Following: the presentation (nothing until it is known). Free: the screen's own choices. */
export function shownChoices(mode: PresentationMode, presentation: Presentation | null, own: ScreenChoices): ScreenChoices {
  switch (mode) {
    case 'follow':
      return presentation ? choicesOfPresentation(presentation) : NO_CHOICES;
    case 'free':
      return own;
    default:
      return assertNever(mode, 'presentation mode');
  }
}

/** Whether the blank screen applies: only to a screen that follows the presenter. */
export function isBlanked(mode: PresentationMode, presentation: Presentation | null): boolean {
  return mode === 'follow' && presentation?.blank === true;
}
