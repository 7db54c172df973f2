import type { StoryEvent } from '../events/schema';
import type { ReplayClock } from './replayClock';

/**
 * What a replay emits, before the transport numbers it. A snapshot carries the clock and every released event
 * (on a seek, a step back or a loop); an event message releases one event; a clock message carries a change of
 * play state or rate (or the end).
 */
export type ReplayMessageBody =
  | { kind: 'snapshot'; clock: ReplayClock; events: StoryEvent[] }
  | { kind: 'event'; event: StoryEvent }
  | { kind: 'clock'; clock: ReplayClock };

export type Sequenced<T> = T & { seq: number };
export type ReplayMessage = Sequenced<ReplayMessageBody>;
