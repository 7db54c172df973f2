import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { createRoom, detail, openDashboard, timeline } from './support/rooms';

/** Automated checks (axe-core) for names, roles, contrast and structure; serious and critical findings fail. */
async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const theme of ['dark', 'light'] as const) {
  test(`the dashboard has no serious accessibility violations (${theme} theme, presenter, detail open)`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const room = await createRoom(request);
    await openDashboard(page, room.roomId, room.presenterKey);
    await timeline(page).getByRole('slider', { name: 'Story time' }).focus();
    await page.keyboard.press('End');
    await expect(timeline(page)).toHaveAttribute('data-event-count', '32');
    await timeline(page).locator('[data-event-id="pavlohrad-drone-assault"]').click();
    await expect(detail(page)).toHaveAttribute('data-state', 'ready');
    await page.locator('[data-chart="reported-deaths"]').getByRole('button', { name: 'Show data table' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the viewer dashboard and the story list have no serious accessibility violations', async ({ page, request }) => {
  const room = await createRoom(request);
  await openDashboard(page, room.roomId);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto('/stories');
  await expect(page.locator('main')).toHaveAttribute('data-state', 'ready');
  expect(await seriousViolations(page)).toEqual([]);
});
