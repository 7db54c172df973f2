import { z } from 'zod';
import { expectedVersionSchema, momentPatchSchema } from '@/lib/decks/deckSchema';

export const updateMomentBodySchema = z.object({ patch: momentPatchSchema, expectedVersion: expectedVersionSchema }).strict();

/** `?expectedVersion=3` on a DELETE. */
export const deleteMomentQuerySchema = z.object({ expectedVersion: z.coerce.number().int().min(0).optional() });
