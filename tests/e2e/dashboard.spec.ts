import { expect, test, type Page } from '@playwright/test';
import { chart, createRoom, detail, eventCount, markIds, openDashboard, roomClock, timeline } from './support/rooms';

/** Clicks "Next event" until the event is on the timeline. */
async function stepUntil(page: Page, eventId: string): Promise<void> {
  const next = page.getByRole('button', { name: 'Next event' });
  for (let i = 0; i < 12; i++) {
    if ((await timeline(page).locator(`[data-event-id="${eventId}"]`).count()) > 0) return;
    const before = await eventCount(page);
    await next.click();
    await expect.poll(() => eventCount(page)).toBeGreaterThan(before);
  }
  throw new Error(`${eventId} never appeared`);
}

/** As presenter: jump to the end of the story (End on the timeline seeks there). */
async function seekToEnd(page: Page): Promise<void> {
  await timeline(page).getByRole('slider', { name: 'Story time' }).focus();
  await page.keyboard.press('End');
  await expect(timeline(page)).toHaveAttribute('data-event-count', '32');
}

test('events appear on the timeline and in every chart as they are released', async ({ page, request }) => {
  const room = await createRoom(request);
  await openDashboard(page, room.roomId, room.presenterKey);
  await expect(timeline(page)).toHaveAttribute('data-event-count', '1');
  await expect(chart(page, 'reported-deaths')).toHaveAttribute('data-total', '0');
  await expect(chart(page, 'events-per-day')).toHaveAttribute('data-total', '0');

  await stepUntil(page, 'restaurant-strike-april-4');
  await expect(chart(page, 'reported-deaths')).toHaveAttribute('data-total', '9');
  await expect(chart(page, 'reported-deaths')).toHaveAttribute('data-lower-bound', 'true');
  await expect(chart(page, 'events-per-day')).toHaveAttribute('data-total', '1');
  await expect(chart(page, 'strikes-vs-diplomacy')).toHaveAttribute('data-total', '1');
  const deaths = chart(page, 'reported-deaths');
  await deaths.getByRole('button', { name: 'Show data table' }).click();
  await expect(deaths.getByRole('table')).toContainText('9');

  // Play the rest at a year per second: every chart follows the stream to the end.
  await page.getByLabel('Speed').selectOption({ label: '1 year per second' });
  await page.getByTestId('play-pause').click();
  await expect(roomClock(page)).toHaveAttribute('data-status', 'ended', { timeout: 30_000 });
  await expect(timeline(page)).toHaveAttribute('data-event-count', '32');
  await expect(chart(page, 'events-per-day')).toHaveAttribute('data-total', '5');
  await expect(chart(page, 'reported-deaths')).toHaveAttribute('data-total', '12');
  await expect(chart(page, 'strikes-vs-diplomacy')).toHaveAttribute('data-total', '2');
  await expect(chart(page, 'activity-by-actor')).toHaveAttribute('data-total', '31');
});

test('a presenter pauses and seeks, and a viewer in another browser context follows within 1 s', async ({ browser, request }) => {
  const room = await createRoom(request);
  const presenterContext = await browser.newContext();
  const viewerContext = await browser.newContext();
  const presenter = await presenterContext.newPage();
  const viewer = await viewerContext.newPage();
  await openDashboard(presenter, room.roomId, room.presenterKey);
  await openDashboard(viewer, room.roomId);
  await expect(viewer.getByTestId('play-pause')).toHaveCount(0);

  await presenter.getByTestId('play-pause').click();
  await expect(roomClock(viewer)).toHaveAttribute('data-status', 'playing', { timeout: 1_000 });
  await presenter.getByTestId('play-pause').click();
  await expect(roomClock(viewer)).toHaveAttribute('data-status', 'paused', { timeout: 1_000 });

  await seekToEnd(presenter);
  await expect(timeline(viewer)).toHaveAttribute('data-event-count', '32', { timeout: 1_000 });
  await timeline(presenter).getByRole('slider', { name: 'Story time' }).focus();
  await presenter.keyboard.press('Home');
  await expect(timeline(presenter)).toHaveAttribute('data-event-count', '1');
  await expect(timeline(viewer)).toHaveAttribute('data-event-count', '1', { timeout: 1_000 });
  await stepUntil(presenter, 'restaurant-strike-april-4');
  const presenterIds = await markIds(presenter);
  await expect.poll(() => markIds(viewer), { timeout: 1_000 }).toEqual(presenterIds);
  await presenterContext.close();
  await viewerContext.close();
});

test('a viewer scrubs, detaches, and "Back to live" returns to the room’s position', async ({ browser, request }) => {
  const room = await createRoom(request);
  const presenter = await (await browser.newContext()).newPage();
  const viewer = await (await browser.newContext()).newPage();
  await openDashboard(presenter, room.roomId, room.presenterKey);
  await seekToEnd(presenter);
  await openDashboard(viewer, room.roomId);
  await expect(timeline(viewer)).toHaveAttribute('data-event-count', '32');
  await expect(viewer.getByTestId('following-live')).toBeVisible();

  // Drag the playhead back: the viewer detaches to a private position; the room does not move.
  const handle = timeline(viewer).getByRole('slider', { name: 'Story time' });
  const box = await handle.boundingBox();
  if (!box) throw new Error('no playhead handle');
  await viewer.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await viewer.mouse.down();
  await viewer.mouse.move(box.x - 300, box.y + box.height / 2, { steps: 8 });
  await viewer.mouse.up();
  await expect(timeline(viewer)).toHaveAttribute('data-view', 'detached');
  await expect(viewer.getByTestId('viewing-banner')).toContainText(/Viewing \d{1,2} \w{3} 2025/);
  expect(await eventCount(viewer)).toBeLessThan(32);
  await expect(timeline(presenter)).toHaveAttribute('data-event-count', '32');

  // The keyboard moves the private position too.
  const detachedCount = await eventCount(viewer);
  await timeline(viewer).focus();
  await viewer.keyboard.press('ArrowLeft');
  await expect.poll(() => eventCount(viewer)).toBeLessThan(detachedCount);

  await viewer.getByRole('button', { name: 'Back to live' }).click();
  await expect(timeline(viewer)).toHaveAttribute('data-view', 'live');
  await expect(timeline(viewer)).toHaveAttribute('data-event-count', '32');
  await expect(viewer.getByTestId('following-live')).toBeVisible();
  expect(await timeline(viewer).getAttribute('data-playhead-ms')).toBe(await timeline(presenter).getAttribute('data-playhead-ms'));
});

test('filtering by type changes the timeline and the charts, and a reload restores the filter', async ({ page, request }) => {
  const room = await createRoom(request);
  await openDashboard(page, room.roomId, room.presenterKey);
  await seekToEnd(page);
  await expect(chart(page, 'activity-by-actor')).toHaveAttribute('data-total', '31');

  await page.getByRole('checkbox', { name: /Strike/ }).check();
  await expect(page).toHaveURL(/[?&]type=strike\b/);
  await expect(timeline(page)).toHaveAttribute('data-event-count', '4');
  expect(new Set(await timeline(page).locator('[data-event-id]').evaluateAll((m) => m.map((e) => e.getAttribute('data-event-type'))))).toEqual(new Set(['strike']));
  await expect(chart(page, 'events-per-day')).toHaveAttribute('data-total', '1');
  await expect(chart(page, 'activity-by-actor')).toHaveAttribute('data-total', '4');

  await page.reload();
  await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('checkbox', { name: /Strike/ })).toBeChecked();
  await expect(timeline(page)).toHaveAttribute('data-event-count', '4');
  await expect(chart(page, 'activity-by-actor')).toHaveAttribute('data-total', '4');
});

test('the event detail shows the verbatim quote highlighted in its paragraph, and tolls as reported', async ({ page, request }) => {
  const room = await createRoom(request);
  await openDashboard(page, room.roomId, room.presenterKey);
  await seekToEnd(page);
  await timeline(page).locator('[data-event-id="restaurant-strike-april-4"]').click();
  const panel = detail(page);
  await expect(panel).toHaveAttribute('data-state', 'ready');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Missile strike on a restaurant in central Ukraine kills nine children');
  await expect(panel.locator('mark')).toHaveText('a missile strike on a restaurant in central Ukraine on April 4 that killed nine children');
  await expect(panel).toContainText('presumably referring to');
  await expect(panel).toContainText('Killed: not reported');
  await expect(panel).toContainText('Children killed: 9');
});

test('the event detail keeps an actor’s name as the source writes it beside its usual name', async ({ page, request }) => {
  const room = await createRoom(request);
  await openDashboard(page, room.roomId, room.presenterKey);
  await seekToEnd(page);
  await timeline(page).locator('[data-event-id="trump-vladimir-stop"]').click();
  const panel = detail(page);
  await expect(panel).toHaveAttribute('data-state', 'ready');
  const actors = panel.locator('.detail-actors li');
  await expect(actors).toHaveText([/^Donald J\. Trump \(as written: Mr\. Trump\) — /, /^Vladimir V\. Putin \(as written: Vladimir\) — /]);
});

test('a viewer taken offline for a few seconds ends with exactly the room’s events', async ({ browser, request }) => {
  const room = await createRoom(request);
  const presenter = await (await browser.newContext()).newPage();
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await openDashboard(presenter, room.roomId, room.presenterKey);
  await openDashboard(viewer, room.roomId);
  await presenter.getByLabel('Speed').selectOption({ label: '1 week per second' });
  await presenter.getByTestId('play-pause').click();
  await expect.poll(() => eventCount(viewer)).toBeGreaterThan(3);

  await viewerContext.setOffline(true);
  await expect(viewer.getByTestId('connection-status')).toHaveText('Offline');
  const atOffline = await eventCount(presenter);
  await expect.poll(() => eventCount(presenter), { timeout: 20_000 }).toBeGreaterThan(atOffline + 2);
  await viewerContext.setOffline(false);
  await expect(viewer.getByTestId('connection-status')).toHaveText('Live', { timeout: 20_000 });

  await expect(roomClock(presenter)).toHaveAttribute('data-status', 'ended', { timeout: 60_000 });
  const expected = await markIds(presenter);
  expect(expected).toHaveLength(32);
  await expect.poll(() => markIds(viewer), { timeout: 20_000 }).toEqual(expected);
  expect(new Set(await markIds(viewer)).size).toBe(32);
});
