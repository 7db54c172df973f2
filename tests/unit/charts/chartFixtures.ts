import type { CasualtyQualifier } from '@/lib/events/casualtyKinds';
import type { Casualties, CasualtyCount } from '@/lib/events/casualtySchema';
import type { EventType } from '@/lib/events/eventTypes';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import { compareEvents } from '@/lib/events/eventSpan';
import type { DatePrecision } from '@/lib/events/precision';
import type { Actor, StoryEvent, StoryTime } from '@/lib/events/schema';
import { eventsUpTo } from '@/lib/replay/eventFilter';

export const utc = (iso: string): number => {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) throw new Error(`bad test instant ${iso}`);
  return ms;
};

export const at = (date: string, precision: DatePrecision = 'day'): StoryTime => ({ kind: 'point', date, precision, asWritten: 'as written' });
export const byDay = (date: string): StoryTime => ({ kind: 'range', end: { date, precision: 'day' }, asWritten: 'not dated' });

interface EventOptions {
  type?: EventType;
  actors?: string[];
  casualties?: Casualties;
}

/** A casualty figure as reported: `reported(3)`, `reported(26, 'at-least')`. */
export const reported = (count: number, qualifier: CasualtyQualifier = 'exact'): CasualtyCount => ({ count, qualifier });

/** A minimal valid event. */
export function makeEvent(id: string, time: StoryTime, { type = 'statement', actors = [], casualties }: EventOptions = {}): StoryEvent {
  return {
    id,
    type,
    title: `Event ${id}`,
    summary: `Summary of ${id}`,
    time,
    actors: actors.map((name): Actor => ({ name, role: 'a role' })),
    ...(casualties && { casualties }),
    quote: { text: 'x', start: 0, end: 1 },
    attribution: 'a test',
    importance: 2,
    tags: [],
  };
}

/** Events in story order (release order), as a story gives them to the charts. */
export const inStoryOrder = (events: readonly StoryEvent[]): StoryEvent[] => [...events].sort(compareEvents);

/** A chart domain between two instants ("2025-04-01", "2025-04-07T12:00Z"), both included. */
export const domain = (from: string, to: string): ChartDomain => ({ startMs: utc(from), endMs: utc(to) });

/**
 * A small story shaped like a real one: a background in 2018 and talks in 2022 (approximate dates), then a few weeks
 * of April 2025 with events dated to a day, to a week, or only "by" a day. Its replay spans seven years, so its time
 * charts have month bins. In story order (release order).
 */
export const SMALL_STORY: readonly StoryEvent[] = inStoryOrder([
  makeEvent('background-2018', at('2018-01-01', 'year'), { type: 'background', actors: ['Analyst'] }),
  makeEvent('talks-2022', at('2022-03-01', 'month'), { type: 'meeting', actors: ['Putin', 'Trump'] }),
  makeEvent('statement-apr-1', at('2025-04-01'), { actors: ['Putin'] }),
  makeEvent('restaurant-strike', at('2025-04-04'), { type: 'strike', actors: ['Russian forces'], casualties: { killed: { children: reported(9) } } }),
  makeEvent('statement-week', at('2025-04-07', 'week'), { actors: ['Trump'] }),
  makeEvent('envoy-meeting', at('2025-04-11'), { type: 'meeting', actors: ['Putin', 'Witkoff'] }),
  makeEvent('ceasefire-proposal', at('2025-04-14', 'week'), { type: 'proposal', actors: ['Witkoff'] }),
  makeEvent('statement-apr-21', at('2025-04-21'), { actors: ['Trump'] }),
  makeEvent('city-strike', byDay('2025-04-25'), { type: 'strike' }),
  makeEvent('drone-strike', byDay('2025-04-25'), { type: 'strike', casualties: { killed: { ...reported(3), children: reported(1) } } }),
]);
/** Where the small story's replay ends... */
export const SMALL_STORY_END_MS = utc('2025-04-26');
/** ...and its replay span, from its first release (2018) to its end: the charts' domain in these tests. */
export const SMALL_STORY_DOMAIN: ChartDomain = { startMs: utc('2018-01-01'), endMs: SMALL_STORY_END_MS };

/** The events released when the playhead stands at `playheadMs`. */
export const releasedAt = (events: readonly StoryEvent[], playheadMs: number): readonly StoryEvent[] => eventsUpTo(events, playheadMs);
