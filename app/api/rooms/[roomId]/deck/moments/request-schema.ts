import { z } from 'zod';
import { expectedVersionSchema, momentInputSchema } from '@/lib/decks/deckSchema';

export const addMomentBodySchema = z
  .object({ moment: momentInputSchema, atIndex: z.int().min(0).optional(), expectedVersion: expectedVersionSchema })
  .strict();
