import { z } from 'zod';
import { slugSchema } from '@/lib/events/schema';

export const scenarioParamsSchema = z.object({ id: slugSchema });
