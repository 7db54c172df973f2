import { MAX_MOMENTS_PER_DECK } from '@/lib/decks/deckLimits';
import { z } from 'zod';
import { expectedVersionSchema, momentIdSchema } from '@/lib/decks/deckSchema';

export const reorderBodySchema = z
  .object({ momentIds: z.array(momentIdSchema).max(MAX_MOMENTS_PER_DECK), expectedVersion: expectedVersionSchema })
  .strict();
