import type { StoryEvent } from '../events/schema';
import { activityKindOf, type ActivityKind } from './activityKind';
import { binPlanForPlaced, placeOnDays } from './dayPlacement';
import { binIndexOf, type BinPlan, type TimeBin } from './timeBins';

export type CountsByActivity = Record<ActivityKind, number>;

export type StrikesVsDiplomacyRow = TimeBin & CountsByActivity;

export interface StrikesVsDiplomacySeries {
  /** The same bins as the events-per-bin chart (all released events dated to a day); `null` when there are none. */
  plan: BinPlan | null;
  rows: StrikesVsDiplomacyRow[];
  /** Kinetic and diplomatic events put in a bin. */
  placed: CountsByActivity;
  /** Kinetic and diplomatic events with coarser dates, left out of the bins. */
  approximate: CountsByActivity;
}

function countByActivity(events: readonly StoryEvent[]): CountsByActivity {
  const counts: CountsByActivity = { kinetic: 0, diplomatic: 0 };
  for (const event of events) {
    const kind = activityKindOf(event.type);
    if (kind) counts[kind] += 1;
  }
  return counts;
}

/** Per time bin, the strikes against the meetings and proposals: did the strikes go on during the talks? */
export function strikesVsDiplomacy(events: readonly StoryEvent[], playheadMs: number): StrikesVsDiplomacySeries {
  const { placed, approximate } = placeOnDays(events);
  const plan = binPlanForPlaced(placed, playheadMs);
  const placedCounts = countByActivity(placed.map((p) => p.event));
  const approximateCounts = countByActivity(approximate);
  if (!plan) return { plan, rows: [], placed: placedCounts, approximate: approximateCounts };
  const rows: StrikesVsDiplomacyRow[] = plan.bins.map((bin) => ({ ...bin, kinetic: 0, diplomatic: 0 }));
  for (const { event, atMs } of placed) {
    const kind = activityKindOf(event.type);
    const row = rows[binIndexOf(plan, atMs)];
    if (kind && row) row[kind] += 1;
  }
  return { plan, rows, placed: placedCounts, approximate: approximateCounts };
}
