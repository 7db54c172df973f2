import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './support/axe';
import { createRoom, openDashboard, timeline } from './support/rooms';

const storyTime = (page: Page) => timeline(page).getByRole('slider', { name: 'Story time' });

/** The playhead is drawn in the plot's visible area: placed inside the window (not pinned to an edge), within the plot's box. */
async function expectPlayheadInView(page: Page): Promise<void> {
  await expect(timeline(page)).toHaveAttribute('data-playhead-in-view', 'true');
  await expect(storyTime(page)).toHaveAttribute('data-side', 'inside');
  const plot = await timeline(page).locator('.timeline-plot').boundingBox();
  const handle = await storyTime(page).boundingBox();
  if (!plot || !handle) throw new Error('no plot or no playhead');
  const centreX = handle.x + handle.width / 2;
  expect(centreX).toBeGreaterThanOrEqual(plot.x);
  expect(centreX).toBeLessThanOrEqual(plot.x + plot.width);
}

test('the window follows the presenter back to the first event, an analyst who pans away keeps theirs, and the empty years are breaks', async ({
  page,
  request,
}) => {
  const room = await createRoom(request);
  await openDashboard(page, room.roomId, room.presenterKey);
  const firstEventMs = Number(await storyTime(page).getAttribute('aria-valuemin'));

  // The presenter seeks to the end of the story (April 2025): the window goes there.
  await storyTime(page).focus();
  await page.keyboard.press('End');
  await expect(timeline(page)).toHaveAttribute('data-event-count', '32');
  await expectPlayheadInView(page);
  expect(Number(await timeline(page).getAttribute('data-viewport-start-ms'))).toBeGreaterThan(Date.UTC(2025, 0, 1));

  // ...and back to the story's first event, seven years earlier: the window goes with it.
  await page.keyboard.press('Home');
  await expect(timeline(page)).toHaveAttribute('data-playhead-ms', String(firstEventMs));
  await expect(timeline(page)).toHaveAttribute('data-event-count', '1');
  await expectPlayheadInView(page);
  expect(Number(await timeline(page).getAttribute('data-viewport-start-ms'))).toBeLessThanOrEqual(firstEventMs);

  // Dragging the plot leftwards moves the window later, away from the playhead: the window stays where it was put.
  const showPlayhead = page.getByTestId('show-playhead');
  await expect(showPlayhead).toHaveAttribute('aria-disabled', 'true');
  const plot = await timeline(page).locator('.timeline-plot').boundingBox();
  if (!plot) throw new Error('no plot');
  const y = plot.y + plot.height - 8;
  await page.mouse.move(plot.x + plot.width * 0.9, y);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.05, y, { steps: 8 });
  await page.mouse.up();
  await expect(timeline(page)).toHaveAttribute('data-playhead-in-view', 'false');
  await expect(storyTime(page)).toHaveAttribute('data-side', 'before');
  // "Show the playhead" brings it back.
  await expect(showPlayhead).toHaveAttribute('aria-disabled', 'false');
  await showPlayhead.click();
  await expectPlayheadInView(page);

  // The whole story: the empty years between 2018, 2022 and 2025 are drawn as breaks, each named.
  await expect(timeline(page)).toHaveAttribute('data-breaks', '2');
  await page.getByRole('button', { name: 'Fit the story' }).click();
  await expect(timeline(page).getByRole('img', { name: /^gap: 3 years without events/ })).toBeVisible();
  await expect(timeline(page).getByRole('img', { name: /^gap: 2 years without events/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
