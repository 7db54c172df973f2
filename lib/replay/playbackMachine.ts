import { assertNever } from '../assertNever';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND } from './rates';
import { stepTarget, type Schedule } from './schedule';
import { advanceStory } from './timeMap';

export const REPLAY_STATUSES = ['playing', 'paused', 'ended'] as const;
export type ReplayStatus = (typeof REPLAY_STATUSES)[number];

/**
 * The replay's clock as every client sees it. While playing, the playhead is derived, never sent per frame:
 * it stood at `positionMs` (story time, epoch ms) at server wall time `wallMs` and advances at
 * `storySecondsPerSecond`, with quiet gaps capped at `maxGapWallMs` (see timeMap).
 */
export interface ReplayClock {
  status: ReplayStatus;
  positionMs: number;
  wallMs: number;
  storySecondsPerSecond: number;
  maxGapWallMs: number;
  loop: boolean;
  /** The replay's story-time bounds: the first event's anchor and the end of the story's span. */
  startMs: number;
  endMs: number;
}

export type ReplayCommand =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'seek'; toMs: number }
  | { type: 'rate'; storySecondsPerSecond: number }
  | { type: 'step'; direction: 'next' | 'previous' };

export type ReplayErrorCode = 'out_of_range' | 'no_event';

export type Transition =
  | { ok: true; clock: ReplayClock; change: 'none' | 'clock' | 'seek' }
  | { ok: false; error: { code: ReplayErrorCode; message: string } };

/** The playhead at wall time `wallMs`. */
export function playheadAt(clock: ReplayClock, schedule: Schedule, wallMs: number): number {
  if (clock.status !== 'playing') return clock.positionMs;
  return advanceStory(schedule, clock, clock.positionMs, wallMs - clock.wallMs);
}

function seekTo(clock: ReplayClock, toMs: number, nowMs: number): Transition {
  const status = clock.status === 'ended' ? 'paused' : clock.status;
  return { ok: true, change: 'seek', clock: { ...clock, status, positionMs: toMs, wallMs: nowMs } };
}

/**
 * The pure state machine of playback. `positionMs` is the playhead at `nowMs` (the caller settles releases first).
 * Play while playing and pause while paused are accepted and change nothing.
 */
export function applyCommand(
  clock: ReplayClock,
  schedule: Schedule,
  command: ReplayCommand,
  nowMs: number,
  positionMs: number,
): Transition {
  const none: Transition = { ok: true, change: 'none', clock };
  switch (command.type) {
    case 'play':
      if (clock.status === 'playing') return none;
      // After the end (ended, or paused at the end) play starts again from the beginning.
      if (clock.status === 'ended' || positionMs >= clock.endMs) {
        return { ok: true, change: 'seek', clock: { ...clock, status: 'playing', positionMs: clock.startMs, wallMs: nowMs } };
      }
      return { ok: true, change: 'clock', clock: { ...clock, status: 'playing', positionMs, wallMs: nowMs } };
    case 'pause':
      // Pausing an ended looping replay holds it at the end instead of letting it start again.
      if (clock.status === 'paused' || (clock.status === 'ended' && !clock.loop)) return none;
      return { ok: true, change: 'clock', clock: { ...clock, status: 'paused', positionMs, wallMs: nowMs } };
    case 'seek':
      if (!Number.isFinite(command.toMs) || command.toMs < clock.startMs || command.toMs > clock.endMs) {
        return {
          ok: false,
          error: {
            code: 'out_of_range',
            message: `seek target must be inside the story, from ${new Date(clock.startMs).toISOString()} to ${new Date(clock.endMs).toISOString()}`,
          },
        };
      }
      return seekTo(clock, command.toMs, nowMs);
    case 'rate': {
      const rate = command.storySecondsPerSecond;
      if (!Number.isFinite(rate) || rate < MIN_STORY_SECONDS_PER_SECOND || rate > MAX_STORY_SECONDS_PER_SECOND) {
        return {
          ok: false,
          error: { code: 'out_of_range', message: `rate must be from ${MIN_STORY_SECONDS_PER_SECOND} to ${MAX_STORY_SECONDS_PER_SECOND} story seconds per second` },
        };
      }
      if (rate === clock.storySecondsPerSecond) return none;
      return { ok: true, change: 'clock', clock: { ...clock, storySecondsPerSecond: rate, positionMs, wallMs: nowMs } };
    }
    case 'step': {
      const target = stepTarget(schedule, positionMs, command.direction);
      if (target === undefined) {
        return { ok: false, error: { code: 'no_event', message: command.direction === 'next' ? 'there is no later event' : 'there is no earlier event' } };
      }
      return seekTo(clock, target, nowMs);
    }
    default:
      return assertNever(command, 'replay command');
  }
}
