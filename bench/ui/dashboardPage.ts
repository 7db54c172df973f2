/** Opening a room's dashboard in the bench browser and reading what it shows (the data-* attributes the tests read). */
import type { Locator, Page } from 'playwright-core';

export const CHART_IDS = ['events-per-day', 'reported-deaths', 'strikes-vs-diplomacy', 'activity-by-actor'] as const;
export type ChartTotals = Record<(typeof CHART_IDS)[number], number>;

export const timelineOf = (page: Page): Locator => page.getByRole('region', { name: 'Timeline' });
export const storyTimeHandle = (page: Page): Locator => timelineOf(page).getByRole('slider', { name: 'Story time' });

export async function eventCountOf(page: Page): Promise<number> {
  return Number(await timelineOf(page).getAttribute('data-event-count'));
}

/**
 * Opens `/rooms/<id>` (as its presenter with a key) and waits until the dashboard shows `eventCount` events on the
 * timeline and all four charts are drawn.
 */
export async function openDashboard(page: Page, url: string, roomId: string, eventCount: number, timeoutMs: number, presenterKey?: string): Promise<number> {
  const started = performance.now();
  await page.goto(`${url}/rooms/${roomId}${presenterKey ? `#key=${presenterKey}` : ''}`, { timeout: timeoutMs });
  await page.locator('.dashboard[data-state="ready"]').waitFor({ timeout: timeoutMs });
  await page.locator(`section.timeline[data-event-count="${eventCount}"]`).waitFor({ timeout: timeoutMs });
  for (const id of CHART_IDS) await page.locator(`figure[data-chart="${id}"]`).waitFor({ timeout: timeoutMs });
  return performance.now() - started;
}

/** Resolves once the browser has painted twice, so that work queued by the last step is done. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))))');
}
