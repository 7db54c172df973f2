import { EVENT_TYPES } from '../events/eventTypes';
import { z } from 'zod';
import { MAX_ACTOR_NAME_CHARS, MAX_FILTER_ACTORS } from '../decks/deckLimits';
import { chartIdSchema, momentIdSchema } from '../decks/deckSchema';
import { slugSchema } from '../events/schema';
import type { Presentation } from './presentation';

/** Validates a presentation arriving from a presenter or read back from storage (see Presentation). */
export const presentationSchema = z
  .object({
    momentId: momentIdSchema.nullable(),
    eventId: slugSchema.nullable(),
    chart: chartIdSchema,
    filter: z
      .object({
        types: z.array(z.enum(EVENT_TYPES)).max(EVENT_TYPES.length),
        actors: z.array(z.string().min(1).max(MAX_ACTOR_NAME_CHARS)).max(MAX_FILTER_ACTORS),
      })
      .strict(),
    blank: z.boolean(),
  })
  .strict() satisfies z.ZodType<Presentation>;
