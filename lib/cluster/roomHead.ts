import { z } from 'zod';
import { replayClockSchema } from '../realtime/protocol';
import type { ReplayClock } from '../replay/playbackMachine';
import type { Presentation } from '../replay/presentation';
import { presentationSchema } from '../replay/presentationSchema';

/**
 * Where a room stands after a logged message: what it replays, its clock, how many events are released and what the
 * presenter shows. A node that takes the room over continues the replay from it (ReplaySettings.continueFrom).
 */
export interface RoomHead {
  scenarioId: string;
  storyVersion: string;
  clock: ReplayClock;
  released: number;
  presentation: Presentation;
}

export const roomHeadSchema = z
  .object({
    scenarioId: z.string().min(1),
    storyVersion: z.string().min(1),
    clock: replayClockSchema,
    released: z.int().min(0),
    presentation: presentationSchema,
  })
  .strict() satisfies z.ZodType<RoomHead>;
