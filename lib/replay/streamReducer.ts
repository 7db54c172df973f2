import { assertNever } from '../assertNever';
import { INITIAL_PRESENTATION, type Presentation } from './presentation';
import type { ReplayClock } from './playbackMachine';
import type { ReplayMessage } from './replayMessages';

/** What moved a client's state last: a snapshot (join or resync), or one numbered message of a kind. */
export type StreamChange = 'snapshot' | ReplayMessage['kind'];

/**
 * What a client knows of a room's time, as of message `seq`: the clock, how many of the story's events are released
 * (the story itself is loaded once, apart), and what the presenter shows. `change` says what moved it last, so that
 * a screen can tell a release from a jump without comparing lists.
 */
export interface StreamState {
  seq: number;
  clock: ReplayClock;
  /** The first `released` events of the story, in story order, are released. */
  released: number;
  /** The last snapshot was sent because messages were missed and no longer held: some history was skipped. */
  gap: boolean;
  presentation: Presentation;
  change: StreamChange;
}

export interface SnapshotBody {
  seq: number;
  clock: ReplayClock;
  released: number;
  gap?: boolean;
  presentation?: Presentation;
}

export type ApplyResult =
  | { status: 'applied'; state: StreamState }
  /** Already seen (a resent message, or an older one): the state is unchanged. */
  | { status: 'duplicate'; state: StreamState }
  /** A message is missing before this one: the caller must resume or resync; the state is unchanged. */
  | { status: 'gap'; state: StreamState | undefined };

export function stateFromSnapshot(snapshot: SnapshotBody): StreamState {
  return {
    seq: snapshot.seq,
    clock: snapshot.clock,
    released: snapshot.released,
    gap: snapshot.gap ?? false,
    presentation: snapshot.presentation ?? INITIAL_PRESENTATION,
    change: 'snapshot',
  };
}

/**
 * Folds a snapshot into the state, the same on server and client: it replaces the state unless it is older than
 * what is already folded (a snapshot resent during a resume).
 */
export function applySnapshot(state: StreamState | undefined, snapshot: SnapshotBody): ApplyResult {
  if (state && snapshot.seq < state.seq) return { status: 'duplicate', state };
  return { status: 'applied', state: stateFromSnapshot(snapshot) };
}

/** Folds one numbered message into the state: it applies only if it is exactly the next seq. */
export function applyReplayMessage(state: StreamState | undefined, message: ReplayMessage): ApplyResult {
  if (!state) return { status: 'gap', state };
  if (message.seq <= state.seq) return { status: 'duplicate', state };
  if (message.seq !== state.seq + 1) return { status: 'gap', state };
  const seq = message.seq;
  switch (message.kind) {
    case 'event':
      return { status: 'applied', state: { ...state, seq, released: state.released + 1, change: 'event' } };
    case 'clock':
      return { status: 'applied', state: { ...state, seq, clock: message.clock, change: 'clock' } };
    case 'jump':
      return { status: 'applied', state: { ...state, seq, clock: message.clock, released: message.released, change: 'jump' } };
    case 'presentation':
      return { status: 'applied', state: { ...state, seq, presentation: message.presentation, change: 'presentation' } };
    default:
      return assertNever(message, 'replay message');
  }
}

/** A state without what moved it last: two ways to the same time (a join, or a stream of messages) compare equal. */
export function timeOf<S extends StreamState>(state: S | undefined): Omit<S, 'change'> | undefined {
  if (!state) return undefined;
  const { change: _change, ...time } = state;
  return time;
}
