import { assertNever } from '../assertNever';
import type { StoryEvent } from '../events/schema';
import { INITIAL_PRESENTATION, type Presentation } from './presentation';
import type { ReplayClock } from './replayClock';
import type { ReplayMessage } from './replayMessages';

/** What a client knows of a room: the clock and the released events, as of message `seq`. */
export interface TimelineState {
  seq: number;
  clock: ReplayClock;
  events: StoryEvent[];
  /** The last snapshot was sent because messages were missed and no longer held: some history was skipped. */
  gap: boolean;
  presentation: Presentation;
}

export type ApplyResult =
  | { status: 'applied'; state: TimelineState }
  /** Already seen (a resent message, or an older one): the state is unchanged. */
  | { status: 'duplicate'; state: TimelineState }
  /** A message is missing before this one: the caller must resume or resync; the state is unchanged. */
  | { status: 'gap'; state: TimelineState | undefined };

export function stateFromSnapshot(snapshot: {
  seq: number;
  clock: ReplayClock;
  events: StoryEvent[];
  gap?: boolean;
  presentation?: Presentation;
}): TimelineState {
  return {
    seq: snapshot.seq,
    clock: snapshot.clock,
    events: snapshot.events,
    gap: snapshot.gap ?? false,
    presentation: snapshot.presentation ?? INITIAL_PRESENTATION,
  };
}

/**
 * Folds one message into the state — the same reducer on server and client. A snapshot always replaces the state;
 * an event or clock message applies only if it is exactly the next seq.
 */
export function applyReplayMessage(state: TimelineState | undefined, message: ReplayMessage & { gap?: boolean }): ApplyResult {
  if (message.kind === 'snapshot') {
    if (state && message.seq < state.seq) return { status: 'duplicate', state };
    return { status: 'applied', state: stateFromSnapshot(message) };
  }
  if (!state) return { status: 'gap', state };
  if (message.seq <= state.seq) return { status: 'duplicate', state };
  if (message.seq !== state.seq + 1) return { status: 'gap', state };
  switch (message.kind) {
    case 'event':
      return { status: 'applied', state: { ...state, seq: message.seq, events: [...state.events, message.event] } };
    case 'clock':
      return { status: 'applied', state: { ...state, seq: message.seq, clock: message.clock } };
    case 'presentation':
      return { status: 'applied', state: { ...state, seq: message.seq, presentation: message.presentation } };
    default:
      return assertNever(message, 'replay message');
  }
}
