import type { Moment } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import type { Presentation } from '@/lib/replay/presentation';
import { releasedCountAt, type Schedule } from '@/lib/replay/schedule';

/** Where → or ← leads: a moment of the deck, a step of the room to the next or previous event, or nowhere. */
export type NavigationTarget = { kind: 'moment'; moment: Moment; index: number } | { kind: 'event' } | { kind: 'none' };

/** The index of the presented moment in the deck, or -1 when none of its moments is presented. */
export function momentIndexOf(moments: readonly Moment[], momentId: string | null): number {
  return momentId === null ? -1 : moments.findIndex((moment) => moment.id === momentId);
}

/** With a deck: the moment after the current one (the first when none is presented). Without: the next event. */
export function nextTarget(moments: readonly Moment[], currentIndex: number): NavigationTarget {
  if (moments.length === 0) return { kind: 'event' };
  const index = currentIndex + 1;
  const moment = moments[index];
  return moment ? { kind: 'moment', moment, index } : { kind: 'none' };
}

/** With a deck: the moment before the current one (nowhere from the first or from none). Without: the previous event. */
export function previousTarget(moments: readonly Moment[], currentIndex: number): NavigationTarget {
  if (moments.length === 0) return { kind: 'event' };
  const index = currentIndex - 1;
  const moment = currentIndex > 0 ? moments[index] : undefined;
  return moment ? { kind: 'moment', moment, index } : { kind: 'none' };
}

/** The event on the presenter's stage: the one presented, else the latest released. */
export function stageEventId(presentation: Pick<Presentation, 'eventId'>, latestReleased: Pick<StoryEvent, 'id'> | undefined): string | null {
  return presentation.eventId ?? latestReleased?.id ?? null;
}

/** The first event of the story not yet released at `playheadMs`, for the "next" preview without a deck. */
export function nextUnreleasedEvent(schedule: Schedule, playheadMs: number): StoryEvent | undefined {
  return schedule.events[releasedCountAt(schedule, playheadMs)];
}
