import { storyChartDomain, type ChartDomain } from '@/lib/charts/chartDomain';
import type { Deck, Moment } from '@/lib/decks/deckSchema';
import type { StoryEvent } from '@/lib/events/schema';
import { applyFilter, eventsUpTo, isFiltering } from '@/lib/replay/eventFilter';
import type { Schedule } from '@/lib/replay/schedule';
import { momentUrl } from '../roomScreen/viewParams';

/** What one printed page of the handout shows: a moment as the room saw it then. */
export interface HandoutPageContent {
  moment: Moment;
  /** 1 for the first page. */
  pageNumber: number;
  title: string;
  /** The moment's event, if it names one the story has. */
  event: StoryEvent | undefined;
  /** The events released at the moment that pass its filter: what its chart counts. */
  chartEvents: readonly StoryEvent[];
  /** The stretch of story time its chart shows: the replay's span, as on the dashboard. */
  chartDomain: ChartDomain;
  isFiltered: boolean;
  /** The link that reopens the moment on the dashboard (a path; the page adds its origin). */
  link: string;
}

/** The events a moment's chart is computed from: released up to its instant (release order), then filtered. */
export function eventsAtMoment(schedule: Schedule, moment: Pick<Moment, 'storyMs' | 'filter'>): readonly StoryEvent[] {
  return applyFilter(eventsUpTo(schedule.events, moment.storyMs), moment.filter);
}

/** A moment's heading: its own title, else its event's, else its place in the deck. */
export function momentTitle(moment: Pick<Moment, 'title'>, event: StoryEvent | undefined, pageNumber: number): string {
  const own = moment.title?.trim();
  if (own) return own;
  return event?.title ?? `Moment ${pageNumber}`;
}

/** One page per moment, in the deck's order. */
export function handoutPages(roomId: string, deck: Deck, schedule: Schedule): HandoutPageContent[] {
  return deck.moments.map((moment, index) => {
    const event = moment.eventId ? schedule.events.find((candidate) => candidate.id === moment.eventId) : undefined;
    return {
      moment,
      pageNumber: index + 1,
      title: momentTitle(moment, event, index + 1),
      event,
      chartEvents: eventsAtMoment(schedule, moment),
      chartDomain: storyChartDomain(schedule),
      isFiltered: isFiltering(moment.filter),
      link: momentUrl(roomId, moment),
    };
  });
}
