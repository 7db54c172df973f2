import { expect, test } from '@playwright/test';
import { chartFigure, watchRoot } from './support/audience';
import { seriousViolations } from './support/axe';
import { PresenterSocket } from './support/presenterSocket';
import { createRoom } from './support/rooms';

test('the embeddable view follows the presenter and is accessible: title, landmarks, live region, no serious axe finding', async ({ page, request, baseURL }) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  await presenter.seek(Date.UTC(2025, 3, 25));
  await presenter.present({ eventId: 'pavlohrad-drone-assault', chart: 'events-per-day' });
  await page.goto(`/embed/rooms/${room.roomId}`);
  await expect(watchRoot(page)).toHaveAttribute('data-state', 'ready');
  await expect(watchRoot(page)).toHaveAttribute('data-current-event', 'pavlohrad-drone-assault');
  await expect(chartFigure(page, 'events-per-day')).toHaveAttribute('data-state', 'ready');

  await expect(page).toHaveTitle('Sitrep live view');
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByTestId('live-announcer')).toHaveAttribute('aria-live', 'polite');
  expect(await seriousViolations(page)).toEqual([]);
  presenter.close();
});

test('the embedded live room announces its new events in the live region', async ({ page }) => {
  await page.goto('/embed/rooms/live');
  await expect(watchRoot(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('live-announcer')).toContainText(/\bnew\b/i);
});
