import { z } from 'zod';
import { CHART_IDS, MAX_MOMENT_ID_CHARS } from '../decks/deckLimits';
import { EVENT_TYPES, slugSchema } from '../events/schema';
import type { Presentation } from './presentation';

/** Validates a presentation arriving from a presenter or read back from storage (see Presentation). */
export const presentationSchema = z
  .object({
    momentId: z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${MAX_MOMENT_ID_CHARS}}$`)).nullable(),
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
  .strict() satisfies z.ZodType<Presentation>;
