import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const SCENARIO_ID = '2025-04-putin-trump';

export interface CreatedRoom {
  roomId: string;
  presenterKey: string;
}

/** `POST /api/rooms`: a fresh room, paused at its first event. */
export async function createRoom(request: APIRequestContext): Promise<CreatedRoom> {
  const response = await request.post('/api/rooms', { data: { scenarioId: SCENARIO_ID } });
  expect(response.status()).toBe(201);
  return (await response.json()) as CreatedRoom;
}

/** Opens a room's dashboard (as its presenter when a key is given) and waits until it has the stream. */
export async function openDashboard(page: Page, roomId: string, presenterKey?: string, query = ''): Promise<void> {
  await page.goto(`/rooms/${roomId}${query}${presenterKey ? `#key=${presenterKey}` : ''}`);
  await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
}

export const timeline = (page: Page): Locator => page.getByRole('region', { name: 'Timeline' });
export const eventCount = async (page: Page): Promise<number> => Number(await timeline(page).getAttribute('data-event-count'));
export const roomClock = (page: Page): Locator => page.getByTestId('room-clock');
export const detail = (page: Page): Locator => page.getByRole('complementary', { name: 'Event detail' });
export const chart = (page: Page, id: string): Locator => page.locator(`[data-chart="${id}"]`);

/** Ids of the event marks drawn on the timeline, in document order. */
export async function markIds(page: Page): Promise<string[]> {
  return timeline(page)
    .locator('[data-event-id]')
    .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-event-id') ?? ''));
}

/** Presses Tab until `target` has focus: proves it can be reached from the keyboard alone. */
export async function tabTo(page: Page, target: Locator, maxTabs = 200): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}
