import { expect, type Locator, type Page } from '@playwright/test';

/** The audience screen's root, which exposes what it shows as data-* attributes. */
export const watchRoot = (page: Page): Locator => page.locator('.watch');
/** A chart figure (the root also carries `data-chart`, so figures are named by tag). */
export const chartFigure = (page: Page, id: string): Locator => page.locator(`figure[data-chart="${id}"]`);
export const followStatus = (page: Page): Locator => page.getByTestId('follow-status');

/** Opens a room's audience screen and waits until it has the room's stream and story. */
export async function openWatch(page: Page, roomId: string, fragment = ''): Promise<void> {
  await page.goto(`/watch/${roomId}${fragment}`);
  await expect(watchRoot(page)).toHaveAttribute('data-state', 'ready');
}
