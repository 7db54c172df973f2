import { expect, test } from '@playwright/test';
import { createRoom, detail, eventCount, openDashboard, roomClock, tabTo, timeline } from './support/rooms';

test('play and pause, step, and opening an event’s detail work from the keyboard alone', async ({ page, request }) => {
  const room = await createRoom(request);
  await openDashboard(page, room.roomId, room.presenterKey);

  const playPause = page.getByTestId('play-pause');
  await tabTo(page, playPause);
  await page.keyboard.press('Enter');
  await expect(roomClock(page)).toHaveAttribute('data-status', 'playing');
  await page.keyboard.press('Enter');
  await expect(roomClock(page)).toHaveAttribute('data-status', 'paused');

  const before = await eventCount(page);
  await tabTo(page, page.getByRole('button', { name: 'Next event' }));
  await page.keyboard.press('Enter');
  await expect.poll(() => eventCount(page)).toBeGreaterThan(before);

  // On the focused timeline, the arrow keys step between events.
  const afterStep = await eventCount(page);
  await tabTo(page, timeline(page));
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => eventCount(page)).toBeGreaterThan(afterStep);

  const mark = timeline(page).locator('[data-event-id]').first();
  const id = await mark.getAttribute('data-event-id');
  await tabTo(page, mark);
  await page.keyboard.press('Enter');
  await expect(detail(page)).toHaveAttribute('data-state', 'ready');
  await expect(detail(page)).toHaveAttribute('data-event-id', id ?? '');
  await page.keyboard.press('Escape');
  await expect(detail(page)).toHaveAttribute('data-state', 'empty');
});
