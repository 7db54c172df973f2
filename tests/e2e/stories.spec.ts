import { expect, test } from '@playwright/test';

test('the first page lists the article’s events in time order with their dates and quotes', async ({ page }) => {
  await page.goto('/stories');
  const story = page.locator('section[data-scenario-id="2025-04-putin-trump"]');
  await expect(story).toHaveAttribute('data-state', 'ready');
  await expect(story.getByRole('heading', { level: 2 })).toHaveText('Putin, Trump and the strikes on Ukraine');

  const events = story.getByRole('list', { name: /Events of .*, in time order/ }).getByRole('listitem');
  const response = await page.request.get('/api/scenarios/2025-04-putin-trump');
  const detail = (await response.json()) as { events: { id: string }[] };
  await expect(events).toHaveCount(detail.events.length);

  const ids = await events.evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id')));
  expect(ids).toEqual(detail.events.map((e) => e.id));

  const restaurant = story.locator('[data-event-id="restaurant-strike-april-4"]');
  await expect(restaurant.locator('time')).toHaveText('4 Apr 2025');
  await expect(restaurant.locator('.type-badge')).toHaveText('strike');
  await expect(restaurant.getByRole('blockquote').or(restaurant.locator('blockquote'))).toContainText(
    'a missile strike on a restaurant in central Ukraine on April 4 that killed nine children',
  );
  await expect(story.locator('[data-event-id="annexation-of-four-areas"] time')).toHaveText('fall 2022');
  await expect(story.locator('[data-event-id="kursk-99-percent-claim"] time')).toHaveText('week of 14 Apr 2025');
  await expect(story.locator('[data-event-id="pavlohrad-drone-assault"] time')).toHaveText('date not given (by 25 Apr 2025)');
});

test('the home page replays the article: its events appear on the live timeline', async ({ page, request }) => {
  const detail = (await (await request.get('/api/scenarios/2025-04-putin-trump')).json()) as { events: { id: string }[] };
  const articleIds = new Set(detail.events.map((e) => e.id));
  await page.goto('/');
  await expect(page.getByText('Putin, Trump and the strikes on Ukraine')).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect.poll(async () => Number(await timeline.getAttribute('data-event-count')), { timeout: 30_000 }).toBeGreaterThan(2);
  const shown = await timeline.locator('[data-event-id]').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-event-id') ?? ''));
  expect(shown.length).toBeGreaterThan(2);
  for (const id of shown) expect(articleIds.has(id), id).toBe(true);
  await page.getByRole('link', { name: 'Stories' }).click();
  await expect(page.locator('section[data-scenario-id="2025-04-putin-trump"]')).toHaveAttribute('data-state', 'ready');
});
