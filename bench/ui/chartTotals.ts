/** What the four charts' `data-total` attributes must show at a story position: the same pure maths the charts use. */
import { activityByActorStory, revealActivityByActor } from '@/lib/charts/activityByActor';
import { storyChartDomain } from '@/lib/charts/chartDomain';
import { chartStory, releasedCountAt } from '@/lib/charts/chartStory';
import { eventsPerBinStory, revealEventsPerBin } from '@/lib/charts/eventsPerBin';
import { reportedDeathsStory, revealReportedDeaths } from '@/lib/charts/reportedDeaths';
import { revealStrikesVsDiplomacy, strikesVsDiplomacyStory } from '@/lib/charts/strikesVsDiplomacy';
import type { Schedule } from '@/lib/replay/schedule';
import type { ChartTotals } from './dashboardPage';

export function chartTotalsAt(schedule: Schedule, positionMs: number): ChartTotals {
  const story = chartStory(schedule.events, storyChartDomain(schedule));
  const released = releasedCountAt(story, positionMs);
  const strikesAndTalks = revealStrikesVsDiplomacy(strikesVsDiplomacyStory(story), released);
  return {
    'events-per-day': revealEventsPerBin(eventsPerBinStory(story), released).placedCount,
    'reported-deaths': revealReportedDeaths(reportedDeathsStory(story), released).total?.count ?? 0,
    'strikes-vs-diplomacy': strikesAndTalks.placed.kinetic + strikesAndTalks.placed.diplomatic,
    'activity-by-actor': revealActivityByActor(activityByActorStory(story), released).eventsWithActors,
  };
}
