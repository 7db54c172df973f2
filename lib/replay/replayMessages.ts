import type { StoryEvent } from '../events/schema';
import type { Presentation } from './presentation';
import type { ReplayClock } from './playbackMachine';

/**
 * What a replay emits, before the transport numbers it. Every message carries time, never the story: an event
 * message releases the next event of the story (one more released); a clock message carries a change of play state
 * or rate (or the end); a jump moves the playhead (a seek, a step, a looping replay's restart) and says how many of
 * the story's events are released there; a presentation message carries what the presenter shows.
 */
export type ReplayMessageBody =
  | { kind: 'event'; event: StoryEvent }
  | { kind: 'clock'; clock: ReplayClock }
  | { kind: 'jump'; clock: ReplayClock; released: number }
  | { kind: 'presentation'; presentation: Presentation };

export type Sequenced<T> = T & { seq: number };
export type ReplayMessage = Sequenced<ReplayMessageBody>;
