import type { ChartId } from '@/lib/decks/deckLimits';

/** Short names of the charts, for the presenter's and the audience's chart pickers and deck items (the charts' own captions are longer). */
export const CHART_LABELS: Record<ChartId, string> = {
  'events-per-day': 'Events per day',
  'reported-deaths': 'Reported deaths',
  'strikes-vs-diplomacy': 'Strikes vs diplomacy',
  'activity-by-actor': 'Activity by actor',
};
