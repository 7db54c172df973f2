import { expect, test, type Locator, type Page } from '@playwright/test';
import { createRoom } from './support/rooms';

const presenterView = (page: Page): Locator => page.locator('main.present');
const shownChart = (page: Page): Locator => page.getByRole('region', { name: 'Charts' }).locator('figure[data-chart]');
const shortcutsDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

/** Opens a room's presenter view and waits until it has the stream. */
async function openPresenter(page: Page, roomId: string, presenterKey: string): Promise<void> {
  await page.goto(`/present/${roomId}#key=${presenterKey}`);
  await expect(presenterView(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
}

async function currentEvent(page: Page): Promise<string> {
  const id = await presenterView(page).getAttribute('data-current-event');
  expect(id).toBeTruthy();
  return id ?? '';
}

test('→ and Space step to the next event and ← goes back, on the stage and in the room', async ({ page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  const first = await currentEvent(page);
  await expect(page.getByRole('region', { name: 'Stage' }).locator('article')).toHaveAttribute('data-event-id', first);

  await page.keyboard.press('ArrowRight');
  await expect(presenterView(page)).not.toHaveAttribute('data-current-event', first);
  const second = await currentEvent(page);
  await expect(page.getByRole('region', { name: 'Stage' }).locator('article')).toHaveAttribute('data-event-id', second);

  await page.keyboard.press('Space');
  await expect(presenterView(page)).not.toHaveAttribute('data-current-event', second);
  const third = await currentEvent(page);
  expect(third).not.toBe(first);

  await page.keyboard.press('ArrowLeft');
  await expect(presenterView(page)).toHaveAttribute('data-current-event', second);
  await page.keyboard.press('ArrowLeft');
  await expect(presenterView(page)).toHaveAttribute('data-current-event', first);
  await expect(presenterView(page)).toHaveAttribute('data-moment-index', '-1');
});

test('P plays and pauses the room, F enters and leaves full screen', async ({ page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  await expect(presenterView(page)).toHaveAttribute('data-playing', 'false');

  await page.keyboard.press('p');
  await expect(presenterView(page)).toHaveAttribute('data-playing', 'true');
  await expect(page.getByTestId('room-clock')).toHaveAttribute('data-status', 'playing');
  await expect(page.getByTestId('elapsed-clock')).toHaveAttribute('data-started', 'true');
  await page.keyboard.press('P');
  await expect(presenterView(page)).toHaveAttribute('data-playing', 'false');
  await expect(page.getByTestId('room-clock')).toHaveAttribute('data-status', 'paused');

  const panel = page.getByRole('complementary', { name: 'Presenter panel' });
  await expect(panel).toBeVisible();
  await page.keyboard.press('f');
  await expect(presenterView(page)).toHaveAttribute('data-fullscreen', 'true');
  expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
  await expect(panel).toBeHidden();
  await page.keyboard.press('F');
  await expect(presenterView(page)).toHaveAttribute('data-fullscreen', 'false');
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(panel).toBeVisible();
});

test('1 to 4 choose the chart and B blanks the screen, for this presenter and for the room', async ({ browser, page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  // A second screen of the same room shows what the room was told, not what this page did locally.
  const other = await (await browser.newContext()).newPage();
  await openPresenter(other, room.roomId, room.presenterKey);
  await expect(shownChart(page)).toHaveAttribute('data-chart', 'events-per-day');

  for (const [key, chartId] of [
    ['2', 'reported-deaths'],
    ['3', 'strikes-vs-diplomacy'],
    ['4', 'activity-by-actor'],
    ['1', 'events-per-day'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(presenterView(page)).toHaveAttribute('data-chart', chartId);
    await expect(shownChart(page)).toHaveCount(1);
    await expect(shownChart(page)).toHaveAttribute('data-chart', chartId);
    await expect(presenterView(other)).toHaveAttribute('data-chart', chartId);
  }

  await page.keyboard.press('b');
  await expect(presenterView(page)).toHaveAttribute('data-blank', 'true');
  await expect(page.getByTestId('blank-indicator')).toHaveText('Blanked for the audience');
  await expect(presenterView(other)).toHaveAttribute('data-blank', 'true');
  await page.keyboard.press('B');
  await expect(presenterView(page)).toHaveAttribute('data-blank', 'false');
  await expect(page.getByTestId('blank-indicator')).toHaveCount(0);
  await expect(presenterView(other)).toHaveAttribute('data-blank', 'false');
  await other.context().close();
});

test('? opens the shortcuts overlay, which keeps the focus and gives it back when closed', async ({ page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);

  await page.keyboard.press('?');
  const dialog = shortcutsDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  for (const text of ['Space', 'Play or pause', 'full screen', 'Reported deaths', 'Activity by actor', 'Blank', 'shortcuts']) await expect(dialog).toContainText(text);
  // Other shortcuts wait while the overlay is open.
  await page.keyboard.press('b');
  await expect(presenterView(page)).toHaveAttribute('data-blank', 'false');
  await page.keyboard.press('?');
  await expect(dialog).toBeHidden();

  const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const close = dialog.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(close).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('shortcuts are ignored while typing in a field', async ({ page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  const first = await currentEvent(page);
  const note = page.getByLabel('Note (only you see it)');
  await note.fill('');
  await note.pressSequentially('b2 f?');
  await note.press('ArrowRight');
  await expect(note).toHaveValue('b2 f?');
  await expect(presenterView(page)).toHaveAttribute('data-blank', 'false');
  await expect(presenterView(page)).toHaveAttribute('data-chart', 'events-per-day');
  await expect(presenterView(page)).toHaveAttribute('data-fullscreen', 'false');
  await expect(shortcutsDialog(page)).toBeHidden();
  await expect(presenterView(page)).toHaveAttribute('data-current-event', first);
});

test('without its key the presenter view says so and offers no controls; a wrong key is refused', async ({ browser, request }) => {
  const room = await createRoom(request);
  const otherRoom = await createRoom(request);
  const context = await browser.newContext();

  const missing = await context.newPage();
  await missing.goto(`/present/${room.roomId}`);
  await expect(presenterView(missing)).toHaveAttribute('data-state', 'refused');
  await expect(missing.getByRole('heading', { name: 'This link is missing its presenter key' })).toBeVisible();
  await expect(missing.getByRole('button')).toHaveCount(0);

  const wrong = await context.newPage();
  await wrong.goto(`/present/${room.roomId}#key=${otherRoom.presenterKey}`);
  await expect(presenterView(wrong)).toHaveAttribute('data-state', 'refused');
  await expect(wrong.getByRole('heading', { name: 'This key does not control this room' })).toBeVisible();
  await expect(wrong.getByRole('button')).toHaveCount(0);
  await context.close();
});

test('selecting an event on the timeline and filtering present them to the room', async ({ browser, page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  const other = await (await browser.newContext()).newPage();
  await openPresenter(other, room.roomId, room.presenterKey);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByRole('slider', { name: 'Story time' }).focus();
  await page.keyboard.press('End');
  await expect(timeline).toHaveAttribute('data-event-count', '32');

  await timeline.locator('[data-event-id="restaurant-strike-april-4"]').click();
  await expect(presenterView(page)).toHaveAttribute('data-current-event', 'restaurant-strike-april-4');
  await expect(presenterView(other)).toHaveAttribute('data-current-event', 'restaurant-strike-april-4');

  await page.getByRole('checkbox', { name: /Strike/ }).check();
  await expect(other.getByRole('checkbox', { name: /Strike/ })).toBeChecked();
  await expect(other.getByRole('region', { name: 'Timeline' })).toHaveAttribute('data-event-count', '4');
  // The filter goes into the query string; the key stays in the fragment, so a reload still presents.
  await expect(page).toHaveURL(new RegExp(`\\?type=strike#key=${room.presenterKey}$`));
  await page.reload();
  await expect(presenterView(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('checkbox', { name: /Strike/ })).toBeChecked();
  await other.context().close();
});
