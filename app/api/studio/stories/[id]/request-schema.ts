import { z } from 'zod';
import { slugSchema } from '@/lib/events/schema';

export const storyParamsSchema = z.object({ id: slugSchema });

/**
 * A save: the version it starts from (null to create), the scenario and events as their files hold them, and the
 * source text. The scenario and events are checked by the story checker (every problem at once), not here.
 */
export const saveStoryBodySchema = z
  .object({
    baseVersion: z.string().min(1).max(64).nullable(),
    scenario: z.unknown(),
    events: z.unknown(),
    sourceText: z.string(),
  })
  .strict();
