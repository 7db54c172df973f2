/** IPC between the release-accuracy runner and its scheduler processes. */
import { z } from 'zod';

export const SCHEDULERS = ['sitrep', 'baseline'] as const;
export type SchedulerKind = (typeof SCHEDULERS)[number];

export const scheduleCommandSchema = z.object({
  type: z.literal('run'),
  scheduler: z.enum(SCHEDULERS),
  storyFolder: z.string(),
  storySecondsPerSecond: z.number(),
  maxGapWallMs: z.number(),
  /** Epoch ms at which the replay starts playing. */
  startAtMs: z.number(),
  /** Releases scheduled later than this after the start are not waited for. */
  durationWallMs: z.number(),
});
export type ScheduleCommand = z.infer<typeof scheduleCommandSchema>;

export const readySchema = z.object({ type: z.literal('ready') });

export const samplesReplySchema = z.object({
  type: z.literal('samples'),
  /** Scheduled instant of each release, as wall ms since the start. */
  elapsedMs: z.instanceof(Float64Array),
  /** Release instant − scheduled instant, Date.now() terms (1 ms resolution). */
  latenessMs: z.instanceof(Float64Array),
  /** Releases that the scheduler made but the plan did not know (should be 0). */
  unplanned: z.number(),
});
export type Samples = z.infer<typeof samplesReplySchema>;
