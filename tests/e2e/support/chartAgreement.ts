import { crossChartProblems, eventsPerBinProblems, strikesVsDiplomacyProblems } from './binnedAgreement';
import type { ChartReading } from './chartReading';
import { activityByActorProblems, reportedDeathsProblems } from './tallyAgreement';

export const CHART_IDS = ['events-per-day', 'reported-deaths', 'strikes-vs-diplomacy', 'activity-by-actor'] as const;
export type ChartReadings = Record<(typeof CHART_IDS)[number], ChartReading>;

/** Where the four charts' captions, data tables and drawings disagree (each with itself, and the two binned ones with each other). */
export function chartDisagreements(readings: ChartReadings): string[] {
  const problems = {
    'events-per-day': eventsPerBinProblems(readings['events-per-day']),
    'reported-deaths': reportedDeathsProblems(readings['reported-deaths']),
    'strikes-vs-diplomacy': strikesVsDiplomacyProblems(readings['strikes-vs-diplomacy']),
    'activity-by-actor': activityByActorProblems(readings['activity-by-actor']),
    'binned charts': crossChartProblems(readings['events-per-day'], readings['strikes-vs-diplomacy']),
  };
  return Object.entries(problems).flatMap(([chart, list]) => list.map((problem) => `${chart}: ${problem}`));
}
