import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createRoom } from './support/rooms';

/** Serious and critical axe-core findings (names, roles, contrast, structure). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const theme of ['dark', 'light'] as const) {
  test(`the presenter view has no serious accessibility violations (${theme} theme, deck, blank, shortcuts)`, async ({ page, request }) => {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const room = await createRoom(request);
    await page.goto(`/present/${room.roomId}#key=${room.presenterKey}`);
    const view = page.locator('main.present');
    await expect(view).toHaveAttribute('data-state', 'ready');
    await page.getByLabel('Title (optional)').fill('Opening');
    await page.getByRole('button', { name: 'Mark this moment' }).click();
    await expect(page.getByRole('list', { name: 'Moments' })).toHaveAttribute('data-count', '1');
    await page.keyboard.press('ArrowRight');
    await expect(view).toHaveAttribute('data-moment-index', '0');
    await page.keyboard.press('b');
    await expect(view).toHaveAttribute('data-blank', 'true');
    await expect(page.getByRole('region', { name: 'Charts' }).locator('figure[data-chart]')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('the new briefing page has no serious accessibility violations, before and after creating one', async ({ page }) => {
  await page.goto('/briefings/new');
  await expect(page.locator('main.briefing')).toHaveAttribute('data-state', 'ready');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Create briefing' }).click();
  await expect(page.locator('main.briefing')).toHaveAttribute('data-state', 'created');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the refusal pages have no serious accessibility violations', async ({ page, request }) => {
  const room = await createRoom(request);
  await page.goto(`/present/${room.roomId}`);
  await expect(page.locator('main.present')).toHaveAttribute('data-state', 'refused');
  expect(await seriousViolations(page)).toEqual([]);
});
