import { eventSpan, isPrecise } from '../events/eventSpan';
import type { StoryEvent } from '../events/schema';
import { planBins, type BinPlan } from './timeBins';

/** An event the source dates to a day or an instant, at that instant. */
export interface PlacedEvent {
  event: StoryEvent;
  atMs: number;
}

/** Events split by whether they can be put on a day: coarser dates (week, season, range...) cannot. */
export interface DayPlacement {
  placed: readonly PlacedEvent[];
  approximate: readonly StoryEvent[];
}

const placementCache = new WeakMap<readonly StoryEvent[], DayPlacement>();

function isSortedByTime(placed: readonly PlacedEvent[]): boolean {
  for (let i = 1; i < placed.length; i++) if ((placed[i] as PlacedEvent).atMs < (placed[i - 1] as PlacedEvent).atMs) return false;
  return true;
}

/** Memoised per (immutable) list of events: the charts of one screen share it. */
export function placeOnDays(events: readonly StoryEvent[]): DayPlacement {
  const cached = placementCache.get(events);
  if (cached) return cached;
  const placed: PlacedEvent[] = [];
  const approximate: StoryEvent[] = [];
  for (const event of events) {
    if (isPrecise(event.time)) placed.push({ event, atMs: eventSpan(event).anchorMs });
    else approximate.push(event);
  }
  // Released events come in release order, already sorted by time: the sort is only for other lists.
  if (!isSortedByTime(placed)) placed.sort((a, b) => a.atMs - b.atMs);
  const placement = { placed, approximate };
  placementCache.set(events, placement);
  return placement;
}

/**
 * The time bins for events placed on days, from the first of them to the playhead (and at least to the last of
 * them), or `null` when none is placed. Every time-binned chart of a screen uses this plan, so their bins line up.
 */
export function binPlanForPlaced(placed: readonly PlacedEvent[], playheadMs: number): BinPlan | null {
  const first = placed[0];
  const last = placed[placed.length - 1];
  if (!first || !last) return null;
  return planBins(first.atMs, Math.max(playheadMs, last.atMs + 1));
}
