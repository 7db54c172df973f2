import { eventTypeNoun } from '@/lib/events/eventTypeLabels';
import { assertNever } from '@/lib/assertNever';
import { formatStoryTime } from '@/lib/events/formatStoryDate';
import type { StoryEvent } from '@/lib/events/schema';
import type { StreamChange } from '@/lib/replay/streamReducer';

/**
 * Pure logic of the live announcer: which events are new, and when to say what. Time is passed in; the caller owns
 * the timer (it calls back with `due` at `nextDueAtMs`).
 */

/** At most one announcement per this interval; events released in between are announced together. */
export const ANNOUNCEMENT_INTERVAL_MS = 2_000;

export type AnnouncedEvent = Pick<StoryEvent, 'id' | 'type' | 'title' | 'time'>;

/** The room's releases as one render saw them. */
export interface ReleaseObservation {
  /** How many of the story's events are released (in story order). */
  released: number;
  /** The replay's message seq: every release is one message. */
  seq: number;
  /** Whether the screen follows the room live (not detached to a position of its own). */
  following: boolean;
  /** What moved the room's state last (lib/replay/streamReducer). */
  change: StreamChange | null;
}

/**
 * The story positions [from, to) released since the previous observation, or `null` when the room did not simply
 * release more: the first observation (the initial batch), a jump or a snapshot (the last change says so; or the
 * count shrank, or grew by more than the messages that arrived), or a switch into or out of following live. `null`
 * means "reset silently". The stream says what kind of change it was: no list is compared.
 */
export function releasedSince(previous: ReleaseObservation | null, next: ReleaseObservation): { from: number; to: number } | null {
  if (!previous || !previous.following || !next.following) return null;
  if (next.change === 'jump' || next.change === 'snapshot') return null;
  if (next.released < previous.released || next.released - previous.released > next.seq - previous.seq) return null;
  return { from: previous.released, to: next.released };
}

export interface AnnouncerState {
  /** Events waiting for the next announcement, in release order. */
  pending: readonly AnnouncedEvent[];
  lastAnnouncedAtMs: number | null;
}

export const INITIAL_ANNOUNCER_STATE: AnnouncerState = { pending: [], lastAnnouncedAtMs: null };

export type AnnouncerInput =
  | { kind: 'appended'; events: readonly AnnouncedEvent[] }
  /** The time asked for by `nextDueAtMs` has come. */
  | { kind: 'due' }
  /** The list was replaced: forget what is pending, say nothing. */
  | { kind: 'reset' };

export interface AnnouncerStep {
  state: AnnouncerState;
  /** What to say now, if anything. */
  announcement: string | null;
  /** When to step again with `due`, if events are still pending. */
  nextDueAtMs: number | null;
}

function describeEvent(event: AnnouncedEvent): string {
  return `${event.title}, ${formatStoryTime(event.time)}`;
}

/** "New strike: <title>, 4 Apr 2025", or for several events "5 new events, latest: <title> (strike), 24 Apr 2025". */
export function announcementFor(events: readonly AnnouncedEvent[]): string {
  const latest = events.at(-1);
  if (!latest) return '';
  if (events.length === 1) return `New ${eventTypeNoun(latest.type)}: ${describeEvent(latest)}`;
  return `${events.length} new events, latest: ${latest.title} (${eventTypeNoun(latest.type)}), ${formatStoryTime(latest.time)}`;
}

function release(state: AnnouncerState, nowMs: number): AnnouncerStep {
  if (state.pending.length === 0) return { state, announcement: null, nextDueAtMs: null };
  const readyAtMs = state.lastAnnouncedAtMs === null ? nowMs : state.lastAnnouncedAtMs + ANNOUNCEMENT_INTERVAL_MS;
  if (nowMs < readyAtMs) return { state, announcement: null, nextDueAtMs: readyAtMs };
  return { state: { pending: [], lastAnnouncedAtMs: nowMs }, announcement: announcementFor(state.pending), nextDueAtMs: null };
}

export function stepAnnouncer(state: AnnouncerState, input: AnnouncerInput, nowMs: number): AnnouncerStep {
  switch (input.kind) {
    case 'appended':
      return release({ ...state, pending: [...state.pending, ...input.events] }, nowMs);
    case 'due':
      return release(state, nowMs);
    case 'reset':
      return { state: { ...state, pending: [] }, announcement: null, nextDueAtMs: null };
    default:
      return assertNever(input, 'announcer input');
  }
}
