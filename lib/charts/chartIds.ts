/**
 * The charts of a room's screen, by the id every part of the app knows them by (a presentation, a deck moment, a
 * link, the pickers) and their short names. Zod-free: the browser's first load needs them; the schemas validate
 * with them on the server. Each chart's series, caption and data table are in this folder; its component is in the
 * screen's chart registry.
 */
export const CHART_IDS = ['events-per-day', 'reported-deaths', 'strikes-vs-diplomacy', 'activity-by-actor'] as const;
export type ChartId = (typeof CHART_IDS)[number];

export function isChartId(value: string): value is ChartId {
  return (CHART_IDS as readonly string[]).includes(value);
}

/** Short names, for the chart pickers and deck items (the charts' own captions are longer). */
export const CHART_LABELS: Record<ChartId, string> = {
  'events-per-day': 'Events per day',
  'reported-deaths': 'Reported deaths',
  'strikes-vs-diplomacy': 'Strikes vs diplomacy',
  'activity-by-actor': 'Activity by actor',
};
