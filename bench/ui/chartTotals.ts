/** What the four charts' `data-total` attributes must show at a story position: the same pure maths the charts use. */
import { activityByActor } from '@/lib/charts/activityByActor';
import { eventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeaths } from '@/lib/charts/reportedDeaths';
import { strikesVsDiplomacy } from '@/lib/charts/strikesVsDiplomacy';
import { releasedCountAt, type Schedule } from '@/lib/replay/schedule';
import type { ChartTotals } from './dashboardPage';

export function chartTotalsAt(schedule: Schedule, positionMs: number): ChartTotals {
  const events = schedule.events.slice(0, releasedCountAt(schedule, positionMs));
  const strikesAndTalks = strikesVsDiplomacy(events, positionMs);
  return {
    'events-per-day': eventsPerBin(events, positionMs).placedCount,
    'reported-deaths': reportedDeaths(events, positionMs).total?.deaths ?? 0,
    'strikes-vs-diplomacy': strikesAndTalks.placed.kinetic + strikesAndTalks.placed.diplomatic,
    'activity-by-actor': activityByActor(events).eventsWithActors,
  };
}
