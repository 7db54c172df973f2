import { EVENT_TYPES, type EventType } from '../events/eventTypes';
import type { StoryEvent } from '../events/schema';
import { binPlanForPlaced, placeOnDays } from './dayPlacement';
import { binIndexOf, type BinPlan, type TimeBin } from './timeBins';

export type CountsByType = Record<EventType, number>;

/** One bin with its events counted by type (flat, so a chart can stack one series per type). */
export type EventsPerBinRow = TimeBin & CountsByType & { total: number };

export interface EventsPerBinSeries {
  /** `null` when no released event is dated to a day. */
  plan: BinPlan | null;
  rows: EventsPerBinRow[];
  /** Events put in a bin: those dated to a day or an instant. */
  placedCount: number;
  /** Events with coarser dates, left out of the bins. */
  approximateCount: number;
}

export function emptyCountsByType(): CountsByType {
  return Object.fromEntries(EVENT_TYPES.map((type) => [type, 0])) as CountsByType;
}

/** Released events per time bin, by type. Only events dated to a day are binned; the others are counted apart. */
export function eventsPerBin(events: readonly StoryEvent[], playheadMs: number): EventsPerBinSeries {
  const { placed, approximate } = placeOnDays(events);
  const plan = binPlanForPlaced(placed, playheadMs);
  if (!plan) return { plan, rows: [], placedCount: 0, approximateCount: approximate.length };
  const rows: EventsPerBinRow[] = plan.bins.map((bin) => ({ ...bin, ...emptyCountsByType(), total: 0 }));
  for (const { event, atMs } of placed) {
    const row = rows[binIndexOf(plan, atMs)];
    if (!row) continue;
    row[event.type] += 1;
    row.total += 1;
  }
  return { plan, rows, placedCount: placed.length, approximateCount: approximate.length };
}
