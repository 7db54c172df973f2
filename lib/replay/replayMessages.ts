import type { StoryEvent } from '../events/schema';
import type { Presentation } from './presentation';
import type { ReplayClock } from './replayClock';

/**
 * What a replay emits, before the transport numbers it. A snapshot carries the clock and every released event
 * (on a seek, a step back or a loop); an event message releases one event; a clock message carries a change of
 * play state or rate (or the end); a presentation message carries what the presenter shows (moment, event, chart).
 */
export type ReplayMessageBody =
  | { kind: 'snapshot'; clock: ReplayClock; events: StoryEvent[]; presentation: Presentation }
  | { kind: 'event'; event: StoryEvent }
  | { kind: 'clock'; clock: ReplayClock }
  | { kind: 'presentation'; presentation: Presentation };

export type Sequenced<T> = T & { seq: number };
export type ReplayMessage = Sequenced<ReplayMessageBody>;
