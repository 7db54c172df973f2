import { z } from 'zod';
import { CHART_IDS } from '../decks/deckSchema';
import { EVENT_TYPES, slugSchema } from '../events/schema';

/**
 * What the presenter shows besides the story time: the moment of the deck, the selected event, the chart, the
 * filter, and whether the screen is blanked. The audience's screens follow it.
 */
export const presentationSchema = z
  .object({
    momentId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).nullable(),
    eventId: slugSchema.nullable(),
    chart: z.enum(CHART_IDS),
    filter: z
      .object({
        types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length),
        actors: z.array(z.string().min(1).max(120)).max(50),
      })
      .strict(),
    blank: z.boolean(),
  })
  .strict();
export type Presentation = z.infer<typeof presentationSchema>;

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
