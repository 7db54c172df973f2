import type { ChartId } from '@/lib/decks/deckSchema';

/** Short names of the charts, for pickers (each chart's own caption carries its full title). */
export const CHART_NAMES: Record<ChartId, string> = {
  'events-per-day': 'Events per day',
  'reported-deaths': 'Reported deaths',
  'strikes-vs-diplomacy': 'Strikes and diplomacy',
  'activity-by-actor': 'Activity by actor',
};
