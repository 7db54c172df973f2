import { expect, test } from '@playwright/test';
import { momentUrl } from '@/app/roomScreen/viewParams';
import { chartFigure } from './support/audience';
import { PresenterSocket } from './support/presenterSocket';
import { createRoom, detail, timeline } from './support/rooms';

const APRIL_10 = Date.UTC(2025, 3, 10);
const STORY_END = Date.UTC(2025, 3, 26);

test('a moment’s link reopens exactly that view: detached at t, its event open, its filter, its chart', async ({ page, request, baseURL }, testInfo) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  await presenter.seek(STORY_END);
  const url = momentUrl(room.roomId, {
    storyMs: APRIL_10,
    eventId: 'restaurant-strike-april-4',
    filter: { types: ['strike'], actors: [] },
    chart: 'reported-deaths',
  });

  await page.goto(url);
  await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
  await expect(timeline(page)).toHaveAttribute('data-view', 'detached');
  await expect(timeline(page)).toHaveAttribute('data-playhead-ms', String(APRIL_10));
  // Strikes released by 10 April: the restaurant strike only.
  await expect(timeline(page)).toHaveAttribute('data-event-count', '1');
  await expect(page.getByRole('checkbox', { name: /Strike/ })).toBeChecked();
  await expect(page.getByTestId('viewing-banner')).toContainText('Viewing 10 Apr 2025');
  await expect(detail(page)).toHaveAttribute('data-event-id', 'restaurant-strike-april-4');
  await expect(detail(page)).toHaveAttribute('data-state', 'ready');
  const deaths = chartFigure(page, 'reported-deaths');
  await expect(deaths).toHaveAttribute('data-highlighted', 'true');
  await expect(deaths).toHaveAttribute('data-total', '9');
  await expect(deaths).toBeInViewport();
  await expect(page.locator('figure[data-highlighted]')).toHaveCount(1);
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('link-view.png') });

  // "Back to live" leaves the link's time for the room's.
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(timeline(page)).toHaveAttribute('data-view', 'live');
  await expect(timeline(page)).toHaveAttribute('data-event-count', '4');
  presenter.close();
});

test('a link ahead of the room shows the room’s position and says so', async ({ page, request, baseURL }) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  const april4 = Date.UTC(2025, 3, 4);
  await presenter.seek(april4);

  await page.goto(momentUrl(room.roomId, { storyMs: Date.UTC(2025, 3, 21), eventId: 'restaurant-strike-april-4', filter: { types: [], actors: [] }, chart: 'events-per-day' }));
  await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
  await expect(timeline(page)).toHaveAttribute('data-playhead-ms', String(april4));
  await expect(page.getByTestId('link-notice')).toHaveText(/This link shows 21 Apr 2025, which the room has not reached yet: .* 4 Apr 2025\./);
  await expect(detail(page)).toHaveAttribute('data-event-id', 'restaurant-strike-april-4');
  // Nothing the room has not released is shown.
  const roomEvents = Number(await timeline(page).getAttribute('data-event-count'));
  expect(roomEvents).toBeLessThanOrEqual(7);
  presenter.close();
});

test('a link with a bad parameter still opens the rest, and an event the room has not released stays closed', async ({ page, request, baseURL }) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  await presenter.seek(Date.UTC(2025, 3, 14));
  await page.goto(`/rooms/${room.roomId}?t=not-a-time&event=kyiv-missile-strike&chart=pie&type=claim`);
  await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
  await expect(timeline(page)).toHaveAttribute('data-view', 'live');
  await expect(page.getByRole('checkbox', { name: /Claim/ })).toBeChecked();
  await expect(timeline(page)).toHaveAttribute('data-event-count', '1');
  await expect(detail(page)).toHaveAttribute('data-state', 'empty');
  await expect(page.locator('figure[data-highlighted]')).toHaveCount(0);
  presenter.close();
});
