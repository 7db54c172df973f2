import { z } from 'zod';
import { slugSchema } from '@/lib/events/schema';

export const createRoomBodySchema = z.object({ scenarioId: slugSchema }).strict();
