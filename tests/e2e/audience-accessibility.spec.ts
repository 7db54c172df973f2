import { expect, test } from '@playwright/test';
import { chartFigure, followStatus, openWatch, watchRoot } from './support/audience';
import { seriousViolations } from './support/axe';
import { PresenterSocket } from './support/presenterSocket';
import { createRoom, tabTo, timeline } from './support/rooms';

for (const theme of ['dark', 'light'] as const) {
  test(`the audience screen has no serious accessibility violations (${theme} theme, following, then free)`, async ({ page, request, baseURL }, testInfo) => {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const room = await createRoom(request);
    const presenter = await PresenterSocket.connect(baseURL ?? '', room);
    await presenter.seek(Date.UTC(2025, 3, 25));
    await presenter.present({ eventId: 'pavlohrad-drone-assault', chart: 'events-per-day', filter: { types: ['strike'], actors: [] } });
    await openWatch(page, room.roomId);
    await expect(page.locator('.watch-event')).toHaveAttribute('data-state', 'ready');
    await expect(chartFigure(page, 'events-per-day')).toHaveAttribute('data-state', 'ready');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`audience-${theme}.png`) });

    await page.getByRole('radio', { name: 'Reported deaths' }).check();
    await expect(followStatus(page)).toHaveText('Not following the presenter');
    expect(await seriousViolations(page)).toEqual([]);
    presenter.close();
  });
}

test('the audience screen works from the keyboard alone: pick a chart, an event, and come back', async ({ page, request, baseURL }) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  await presenter.seek(Date.UTC(2025, 3, 25));
  await presenter.present({ eventId: 'kyiv-missile-strike', chart: 'reported-deaths' });
  await openWatch(page, room.roomId);
  const root = watchRoot(page);

  await tabTo(page, page.getByRole('radio', { name: 'Reported deaths' }));
  await page.keyboard.press('ArrowRight');
  await expect(root).toHaveAttribute('data-chart', 'strikes-vs-diplomacy');
  await expect(root).toHaveAttribute('data-following', 'false');

  await tabTo(page, page.getByRole('button', { name: 'Follow the presenter' }));
  await page.keyboard.press('Enter');
  await expect(root).toHaveAttribute('data-following', 'true');
  await expect(root).toHaveAttribute('data-chart', 'reported-deaths');

  const mark = timeline(page).locator('[data-event-id="restaurant-strike-april-4"]');
  await tabTo(page, mark);
  await page.keyboard.press('Enter');
  await expect(root).toHaveAttribute('data-current-event', 'restaurant-strike-april-4');
  await page.keyboard.press('L');
  await expect(root).toHaveAttribute('data-current-event', 'kyiv-missile-strike');
  presenter.close();
});
