/** Opening a room's dashboard in the bench browser and reading what it shows (the data-* attributes the tests read). */
import type { Locator, Page } from 'playwright-core';
import { z } from 'zod';
import { usableSchema, usableWatchScript, type UsableTiming } from './pageProbes';

export const CHART_IDS = ['events-per-day', 'reported-deaths', 'strikes-vs-diplomacy', 'activity-by-actor'] as const;
export type ChartTotals = Record<(typeof CHART_IDS)[number], number>;

export const timelineOf = (page: Page): Locator => page.getByRole('region', { name: 'Timeline' });
export const storyTimeHandle = (page: Page): Locator => timelineOf(page).getByRole('slider', { name: 'Story time' });

export async function eventCountOf(page: Page): Promise<number> {
  return Number(await timelineOf(page).getAttribute('data-event-count'));
}

/** How long the usable watcher may take after the dashboard shows its events and charts (the charts' SVG may follow). */
const USABLE_AFTER_OPEN_TIMEOUT_MS = 15_000;

export interface OpenedDashboard {
  /** From `page.goto` in the bench process to the dashboard showing `eventCount` events and its four charts. */
  openMs: number;
  /** Measured in the page: when it became usable (see below), and where the time went before. */
  usable: UsableTiming;
  /** What was still missing when the usable watcher gave up (empty when it saw the dashboard usable). */
  unmet: string[];
}

/**
 * Opens `/rooms/<id>` (as its presenter with a key) and waits until the dashboard shows `eventCount` events on the
 * timeline and all four charts. In the page, the usable watcher (pageProbes.ts) records the first animation frame at
 * which the dashboard is usable: `.dashboard` and the timeline `data-state="ready"`, the timeline's
 * `data-event-count` the room's released count and at least one mark drawn (`data-marks-drawn`), every playback
 * button enabled, and each of the four charts' `data-total` the total `totals` gives with its plot drawn (recharts'
 * axes and marks in the SVG).
 */
export async function openDashboard(
  page: Page,
  url: string,
  roomId: string,
  expected: { eventCount: number; totals: ChartTotals },
  timeoutMs: number,
  presenterKey?: string,
): Promise<OpenedDashboard> {
  await page.addInitScript({ content: usableWatchScript(expected.eventCount, expected.totals) });
  const started = performance.now();
  await page.goto(`${url}/rooms/${roomId}${presenterKey ? `#key=${presenterKey}` : ''}`, { timeout: timeoutMs });
  await page.locator('.dashboard[data-state="ready"]').waitFor({ timeout: timeoutMs });
  await page.locator(`section.timeline[data-event-count="${expected.eventCount}"]`).waitFor({ timeout: timeoutMs });
  for (const id of CHART_IDS) await page.locator(`figure[data-chart="${id}"]`).waitFor({ timeout: timeoutMs });
  const openMs = performance.now() - started;
  const usableSeen = await page
    .waitForFunction('window.__sitrepBench.usable().usableAtMs !== null', undefined, { timeout: USABLE_AFTER_OPEN_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  const unmet = usableSeen ? [] : z.array(z.string()).parse(await page.evaluate('window.__sitrepBench.unmetUsable()'));
  const usable = usableSchema.parse(await page.evaluate('window.__sitrepBench.usable()'));
  return { openMs, usable, unmet };
}

/** Resolves once the browser has painted twice, so that work queued by the last step is done. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))))');
}
