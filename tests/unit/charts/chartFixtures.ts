import path from 'node:path';
import { type EventType } from '@/lib/events/eventTypes';
import type { ChartDomain } from '@/lib/charts/chartDomain';
import { compareEvents } from '@/lib/events/eventSpan';
import type { DatePrecision } from '@/lib/events/precision';
import type { Actor, Casualties, StoryEvent, StoryTime } from '@/lib/events/schema';
import { eventsUpTo } from '@/lib/replay/eventFilter';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';

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

export const FIRST_STORY_FOLDER = path.resolve(import.meta.dirname, '../../../events/2025-04-putin-trump');
/** Where the replay of the first story ends: the end of its span. */
export const FIRST_STORY_END_MS = utc('2025-04-26');
/** The first story's replay span, from its first release (2018) to its end: the charts' default domain. */
export const FIRST_STORY_DOMAIN: ChartDomain = { startMs: utc('2018-01-01'), endMs: FIRST_STORY_END_MS };

/** The first story's events in release order. */
export async function loadFirstStory(): Promise<StoryEvent[]> {
  const read = await readStoryFolder(FIRST_STORY_FOLDER);
  if (!read.ok) throw new Error(`the first story does not load: ${JSON.stringify(read.failure.problems)}`);
  return read.story.events;
}

/** The events released when the playhead stands at `playheadMs`. */
export const releasedAt = (events: readonly StoryEvent[], playheadMs: number): readonly StoryEvent[] => eventsUpTo(events, playheadMs);
