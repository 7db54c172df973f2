import { assertNever } from '@/lib/assertNever';
import { formatStoryTime } from '@/lib/events/formatStoryDate';
import type { StoryEvent } from '@/lib/events/schema';
import { eventTypeNoun } from './eventTypeLabels';

/**
 * Pure logic of the live announcer: which events are new, and when to say what. Time is passed in; the caller owns
 * the timer (it calls back with `due` at `nextDueAtMs`).
 */

/** At most one announcement per this interval; events released in between are announced together. */
export const ANNOUNCEMENT_INTERVAL_MS = 2_000;

export type AnnouncedEvent = Pick<StoryEvent, 'id' | 'type' | 'title' | 'time'>;

/** The released events as one render saw them. */
export interface EventListObservation<E> {
  events: readonly E[];
  /** The replay's message seq: every appended event is one message. */
  seq: number;
  /** Whether the screen follows the room live (not detached to a position of its own). */
  following: boolean;
}

/**
 * The events appended to the list since the previous observation, or `null` when the list was not simply extended:
 * the first observation (the initial batch), a snapshot or seek (the list shrank, or was replaced by new objects, or
 * grew by more events than messages arrived), or a switch into or out of following live. `null` means "reset silently".
 */
export function appendedEvents<E>(previous: EventListObservation<E> | null, next: EventListObservation<E>): readonly E[] | null {
  if (!previous || !previous.following || !next.following) return null;
  if (next.events.length < previous.events.length) return null;
  for (let i = 0; i < previous.events.length; i += 1) {
    if (previous.events[i] !== next.events[i]) return null;
  }
  const appended = next.events.slice(previous.events.length);
  return appended.length > next.seq - previous.seq ? null : appended;
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
