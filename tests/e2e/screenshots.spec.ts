import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { timeline } from './support/rooms';

/**
 * Screenshots of the live dashboard in both themes, saved as test artifacts. With SITREP_UPDATE_DOC_SCREENSHOTS=1
 * the dark one is also copied to docs/screenshots/ for the README.
 */
for (const theme of ['dark', 'light'] as const) {
  test(`screenshot of the live dashboard in the ${theme} theme`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    await page.goto('/');
    await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
    await expect.poll(async () => Number(await timeline(page).getAttribute('data-event-count')), { timeout: 30_000 }).toBeGreaterThan(12);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const file = testInfo.outputPath(`dashboard-${theme}.png`);
    await page.screenshot({ path: file, fullPage: false });
    await testInfo.attach(`dashboard-${theme}`, { path: file, contentType: 'image/png' });
    if (process.env.SITREP_UPDATE_DOC_SCREENSHOTS === '1') {
      const target = path.resolve('docs/screenshots');
      mkdirSync(target, { recursive: true });
      copyFileSync(file, path.join(target, `dashboard-${theme}.png`));
    }
  });
}
