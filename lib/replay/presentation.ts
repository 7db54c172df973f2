import { CHART_IDS, type ChartId } from '../charts/chartIds';
import type { EventType } from '../events/eventTypes';

/**
 * What the presenter shows besides the story time: the moment of the deck, the selected event, the chart, the
 * filter, and whether the screen is blanked. The audience's screens follow it. Validated by presentationSchema.ts.
 */
export interface Presentation {
  momentId: string | null;
  eventId: string | null;
  chart: ChartId;
  filter: { types: EventType[]; actors: string[] };
  blank: boolean;
}

export const INITIAL_PRESENTATION: Presentation = {
  momentId: null,
  eventId: null,
  chart: CHART_IDS[0],
  filter: { types: [], actors: [] },
  blank: false,
};

export function samePresentation(a: Presentation, b: Presentation): boolean {
  return (
    a.momentId === b.momentId &&
    a.eventId === b.eventId &&
    a.chart === b.chart &&
    a.blank === b.blank &&
    a.filter.types.join('\u0000') === b.filter.types.join('\u0000') &&
    a.filter.actors.join('\u0000') === b.filter.actors.join('\u0000')
  );
}
