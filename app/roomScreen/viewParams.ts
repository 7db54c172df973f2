import { type ChartId, isChartId } from '@/lib/charts/chartIds';
import type { Moment } from '@/lib/decks/deckSchema';
import { parseDateTime } from '@/lib/events/calendar';
import { isSlug } from '@/lib/events/eventTypes';
import type { StoryEvent } from '@/lib/events/schema';
import { eventsUpTo, type EventFilter } from '@/lib/replay/eventFilter';
import { filterFromParams, filterToParams } from './filterParams';

/**
 * A view of a room as a link: `/rooms/<id>?t=<ISO instant>&event=<id>&type=...&actor=...&chart=<id>`. The filter
 * params are the dashboard's own (filterParams.ts); `t`, `event` and `chart` are read once, when the page opens.
 */
export const TIME_PARAM = 't';
export const EVENT_PARAM = 'event';
export const CHART_PARAM = 'chart';

export interface LinkedView {
  /** The story instant the link shows, or null for the room's own position. */
  atMs: number | null;
  eventId: string | null;
  chart: ChartId | null;
  filter: EventFilter;
}

/** `t`: an ISO 8601 instant with an offset, a real calendar day and time of day (the story files' own rule). */
function instantParam(value: string | null): number | null {
  if (value === null) return null;
  const parsed = parseDateTime(value);
  return parsed.ok ? parsed.ms : null;
}

/**
 * The view a URL's query asks for. Each param on its own: a bad one is dropped, the others still apply. (Plain
 * checks rather than the schema library: this runs in the browser, whose bundle stays small.)
 */
export function viewFromParams(params: URLSearchParams): LinkedView {
  const eventId = params.get(EVENT_PARAM);
  const chart = params.get(CHART_PARAM);
  return {
    atMs: instantParam(params.get(TIME_PARAM)),
    eventId: eventId !== null && isSlug(eventId) ? eventId : null,
    chart: chart !== null && isChartId(chart) ? chart : null,
    filter: filterFromParams(params),
  };
}

/** Whether the query names a time, an event or a chart (a filter alone is the dashboard's usual URL). */
export function isLink(view: LinkedView): boolean {
  return view.atMs !== null || view.eventId !== null || view.chart !== null;
}

/** The query of a view, in a fixed order: t, event, type, actor, chart. */
export function viewToParams(view: LinkedView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.atMs !== null) params.set(TIME_PARAM, new Date(view.atMs).toISOString());
  if (view.eventId !== null) params.set(EVENT_PARAM, view.eventId);
  const withFilter = filterToParams(view.filter, params);
  if (view.chart !== null) withFilter.set(CHART_PARAM, view.chart);
  return withFilter;
}

/** Where a link opens once the room is known. */
export interface ResolvedLink {
  /** The private position to open at, or null to follow the room. */
  positionMs: number | null;
  /** The event to open, when it is released at that position. */
  eventId: string | null;
  /** Set when the link is ahead of the room: the page shows the room's position and says so. */
  aheadOfRoom: { askedMs: number; roomMs: number } | null;
}

/** A link never shows what the room has not released: its time is capped at the room's playhead. */
export function resolveLinkedView(view: LinkedView, room: { playheadMs: number; startMs: number; released: readonly StoryEvent[] }): ResolvedLink {
  const positionMs = view.atMs === null ? null : Math.max(room.startMs, Math.min(view.atMs, room.playheadMs));
  const shown = positionMs === null ? room.released : eventsUpTo(room.released, positionMs);
  return {
    positionMs,
    eventId: view.eventId !== null && shown.some((event) => event.id === view.eventId) ? view.eventId : null,
    aheadOfRoom: view.atMs !== null && view.atMs > room.playheadMs ? { askedMs: view.atMs, roomMs: room.playheadMs } : null,
  };
}

export type MomentView = Pick<Moment, 'storyMs' | 'filter' | 'chart'> & { eventId?: string | null };

/** The link that reopens a deck moment: the story at its instant, its event, filter and chart. */
export function momentUrl(roomId: string, moment: MomentView): string {
  const params = viewToParams({ atMs: moment.storyMs, eventId: moment.eventId ?? null, chart: moment.chart, filter: moment.filter });
  return `/rooms/${encodeURIComponent(roomId)}?${params.toString()}`;
}
