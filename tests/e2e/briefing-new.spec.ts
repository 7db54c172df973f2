import { expect, test } from '@playwright/test';
import { SCENARIO_ID } from './support/rooms';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a new briefing gives a secret presenter link and an audience link without the key', async ({ page }) => {
  await page.goto('/briefings/new');
  await expect(page.locator('main.briefing')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('link', { name: /Back to the live dashboard/ })).toHaveAttribute('href', '/');
  await page.locator(`[data-scenario-id="${SCENARIO_ID}"]`).getByRole('radio').check();
  await page.getByRole('button', { name: 'Create briefing' }).click();
  await expect(page.locator('main.briefing')).toHaveAttribute('data-state', 'created');

  const presenterField = page.getByRole('textbox', { name: 'Presenter link' });
  const audienceField = page.getByRole('textbox', { name: 'Audience link' });
  const presenterUrl = await presenterField.inputValue();
  const audienceUrl = await audienceField.inputValue();
  const match = /\/present\/([A-Za-z0-9_-]+)#key=([A-Za-z0-9_-]+)$/.exec(presenterUrl);
  expect(match).not.toBeNull();
  const [, roomId, key] = match ?? [];
  expect(audienceUrl).toMatch(new RegExp(`/watch/${roomId}$`));
  expect(audienceUrl).not.toContain(key);
  expect(audienceUrl).not.toContain('key');
  await expect(page.getByText('Keep this link to yourself: it controls the briefing')).toBeVisible();

  // Copy puts the link on the clipboard and says so.
  const presenterBlock = page.getByTestId('presenter-link');
  await presenterBlock.getByRole('button', { name: 'Copy presenter link' }).click();
  await expect(presenterBlock.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(presenterUrl);
  const audienceBlock = page.getByTestId('audience-link');
  await audienceBlock.getByRole('button', { name: 'Copy audience link' }).click();
  await expect(audienceBlock.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(audienceUrl);

  // The presenter link opens a working presenter view of the new room.
  await page.getByRole('link', { name: 'Open the presenter view' }).click();
  await expect(page).toHaveURL(presenterUrl);
  await expect(page.locator('main.present')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  const first = await page.locator('main.present').getAttribute('data-current-event');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('main.present')).not.toHaveAttribute('data-current-event', first ?? '');
});
