import type { Casualties } from '@/lib/events/casualtySchema';
import { MS_PER_DAY } from '@/lib/events/calendar';
import { EVENT_TYPES, type EventType } from '@/lib/events/eventTypes';
import type { StoryEvent, StoryTime } from '@/lib/events/schema';
import { pick, seededRandom } from '@/lib/synthetic/random';
import { CASUALTY_QUALIFIERS } from '@/lib/events/casualtyKinds';
import { at, byDay, inStoryOrder, makeEvent, reported, utc } from './chartFixtures';

const ACTORS = ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lu'];
const FIRST_DAY_MS = utc('2025-03-01');

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function randomTime(random: () => number, dayMs: number): StoryTime {
  const roll = random();
  if (roll < 0.5) return at(isoDay(dayMs));
  if (roll < 0.65) return at(`${new Date(dayMs + Math.floor(random() * 24) * 3_600_000).toISOString().slice(0, 16)}Z`, 'exact');
  if (roll < 0.75) return at(isoDay(dayMs - (((new Date(dayMs).getUTCDay() + 6) % 7) * MS_PER_DAY)), 'week');
  if (roll < 0.85) return at(`${isoDay(dayMs).slice(0, 8)}01`, 'month');
  return byDay(isoDay(dayMs));
}

function randomCasualties(random: () => number): Casualties | undefined {
  const roll = random();
  if (roll < 0.3) return undefined;
  if (roll < 0.55) return { killed: reported(Math.floor(random() * 20)) };
  if (roll < 0.7) return { killed: reported(Math.floor(random() * 20), pick(random, CASUALTY_QUALIFIERS)) };
  if (roll < 0.8) return { killed: { children: reported(1 + Math.floor(random() * 5)) } };
  if (roll < 0.85) return { killed: { civilians: reported(Math.floor(random() * 9)), military: reported(Math.floor(random() * 9), 'about') } };
  return { injured: reported(1 + Math.floor(random() * 9)) };
}

export interface RandomStoryOptions {
  events: number;
  /** Days the story may fall on, from 1 March 2025. */
  spanDays: number;
  /** How many distinct days the events cluster on (fewer days: more events share an instant). */
  days: number;
}

/**
 * A seeded story of hand-made events in story order: every date precision, strikes with and without tolls, zero to
 * three actors (sometimes one named twice), several events on one day.
 */
export function randomStory(seed: number, { events, spanDays, days }: RandomStoryOptions): StoryEvent[] {
  const random = seededRandom(seed);
  const dayChoices = Array.from({ length: days }, () => FIRST_DAY_MS + Math.floor(random() * spanDays) * MS_PER_DAY);
  return inStoryOrder(
    Array.from({ length: events }, (_, i) => {
      const type: EventType = pick(random, EVENT_TYPES);
      const actors = Array.from({ length: Math.floor(random() * 4) }, () => pick(random, ACTORS));
      const casualties = type === 'strike' ? randomCasualties(random) : undefined;
      return makeEvent(`e${i}`, randomTime(random, pick(random, dayChoices)), { type, actors, ...(casualties && { casualties }) });
    }),
  );
}

/** Events of some types only, or all of them: a filter as the dashboard applies it. */
export function randomTypeFilter(random: () => number): readonly EventType[] {
  return random() < 0.4 ? [] : EVENT_TYPES.filter(() => random() < 0.5);
}
