import { expect, test } from '@playwright/test';
import { chartFigure, followStatus, openWatch, watchRoot } from './support/audience';
import { PresenterSocket } from './support/presenterSocket';
import { createRoom, timeline } from './support/rooms';

/** Within this time of the presenter's change, every audience screen shows it. */
const FOLLOW_MS = 1_000;

const MOMENTS = [
  {
    atMs: Date.UTC(2025, 3, 4),
    presentation: { momentId: 'm-restaurant', eventId: 'restaurant-strike-april-4', chart: 'reported-deaths', filter: { types: [], actors: [] } },
    title: 'Missile strike on a restaurant in central Ukraine kills nine children',
    storyTime: '4 Apr 2025',
  },
  {
    atMs: Date.UTC(2025, 3, 21),
    presentation: { momentId: 'm-admits', eventId: 'putin-admits-civilian-targets', chart: 'strikes-vs-diplomacy', filter: { types: ['strike', 'statement'], actors: [] } },
    title: null,
    storyTime: '21 Apr 2025',
  },
  {
    atMs: Date.UTC(2025, 3, 25),
    presentation: { momentId: 'm-kyiv', eventId: 'kyiv-missile-strike', chart: 'activity-by-actor', filter: { types: [], actors: ['Vladimir V. Putin'] } },
    title: null,
    storyTime: '25 Apr 2025',
  },
] as const;

test('the audience follows the presenter through three moments within 1 s, and a late joiner lands on the current one', async ({ browser, request, baseURL }, testInfo) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  const audience = await (await browser.newContext()).newPage();
  await openWatch(audience, room.roomId);
  const root = watchRoot(audience);
  await expect(root).toHaveAttribute('data-following', 'true');
  await expect(root).toHaveAttribute('data-current-event', '');

  for (const [index, moment] of MOMENTS.entries()) {
    await presenter.seek(moment.atMs);
    await presenter.present({ ...moment.presentation, filter: { types: [...moment.presentation.filter.types], actors: [...moment.presentation.filter.actors] } });
    await expect(root).toHaveAttribute('data-current-event', moment.presentation.eventId, { timeout: FOLLOW_MS });
    await expect(root).toHaveAttribute('data-chart', moment.presentation.chart, { timeout: FOLLOW_MS });
    await expect(root).toHaveAttribute('data-position-ms', String(moment.atMs), { timeout: FOLLOW_MS });
    await expect(root).toHaveAttribute('data-moment-id', moment.presentation.momentId, { timeout: FOLLOW_MS });
    await expect(audience.getByTestId('story-time')).toContainText(moment.storyTime, { timeout: FOLLOW_MS });
    // The event, large, with its quote; the one chart the presenter picked.
    const event = audience.locator('.watch-event');
    await expect(event).toHaveAttribute('data-event-id', moment.presentation.eventId, { timeout: FOLLOW_MS });
    if (moment.title) await expect(event.getByRole('heading', { level: 2 })).toHaveText(moment.title);
    await expect(event.locator('mark')).not.toBeEmpty();
    await expect(chartFigure(audience, moment.presentation.chart)).toBeVisible();
    await expect(audience.locator('figure[data-chart]')).toHaveCount(1);
    await audience.screenshot({ path: testInfo.outputPath(`audience-moment-${index + 1}.png`) });
  }
  // The presenter's filter applies: only Putin's events on the timeline and in the chart.
  await expect(timeline(audience)).toHaveAttribute('data-event-count', /^\d+$/);
  const filteredCount = Number(await timeline(audience).getAttribute('data-event-count'));
  expect(filteredCount).toBeGreaterThan(0);
  await expect(chartFigure(audience, 'activity-by-actor')).toHaveAttribute('data-total', String(filteredCount));

  // A late joiner gets the presentation with its first snapshot: it is on the current moment as soon as it is ready.
  const late = await (await browser.newContext()).newPage();
  await openWatch(late, room.roomId);
  const lateRoot = watchRoot(late);
  expect(await lateRoot.getAttribute('data-current-event')).toBe('kyiv-missile-strike');
  expect(await lateRoot.getAttribute('data-chart')).toBe('activity-by-actor');
  expect(await lateRoot.getAttribute('data-moment-id')).toBe('m-kyiv');
  expect(await lateRoot.getAttribute('data-position-ms')).toBe(String(Date.UTC(2025, 3, 25)));
  presenter.close();
});

test('a viewer detaches to look around, is told so, and snaps back with the button or the L key', async ({ browser, request, baseURL }) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  await presenter.seek(Date.UTC(2025, 3, 25));
  await presenter.present({ eventId: 'kyiv-missile-strike', chart: 'reported-deaths' });
  const viewer = await (await browser.newContext()).newPage();
  await openWatch(viewer, room.roomId);
  const root = watchRoot(viewer);
  await expect(root).toHaveAttribute('data-current-event', 'kyiv-missile-strike');
  await expect(followStatus(viewer)).toHaveText('Following the presenter');

  // Pick another event on the timeline: the viewer is on their own.
  await timeline(viewer).locator('[data-event-id="restaurant-strike-april-4"]').click();
  await expect(root).toHaveAttribute('data-following', 'false');
  await expect(root).toHaveAttribute('data-current-event', 'restaurant-strike-april-4');
  await expect(viewer.getByRole('status').filter({ hasText: 'Not following the presenter' })).toBeVisible();
  // The presenter moves on; the detached viewer stays where they are.
  await presenter.present({ eventId: 'pavlohrad-drone-assault' });
  await expect(root).toHaveAttribute('data-current-event', 'restaurant-strike-april-4');

  // One key brings them back to what the presenter shows now.
  await viewer.keyboard.press('l');
  await expect(root).toHaveAttribute('data-following', 'true');
  await expect(root).toHaveAttribute('data-current-event', 'pavlohrad-drone-assault');
  await expect(followStatus(viewer)).toHaveText('Following the presenter');

  // Picking another chart detaches too; the button snaps back.
  await viewer.getByRole('radio', { name: 'Activity by actor' }).check();
  await expect(root).toHaveAttribute('data-following', 'false');
  await expect(root).toHaveAttribute('data-chart', 'activity-by-actor');
  await expect(chartFigure(viewer, 'activity-by-actor')).toBeVisible();
  await viewer.getByRole('button', { name: 'Follow the presenter' }).click();
  await expect(root).toHaveAttribute('data-following', 'true');
  await expect(root).toHaveAttribute('data-chart', 'reported-deaths');

  // Scrubbing the story back detaches from the room's time as well.
  await timeline(viewer).focus();
  await viewer.keyboard.press('ArrowLeft');
  await expect(root).toHaveAttribute('data-following', 'false');
  expect(Number(await root.getAttribute('data-position-ms'))).toBeLessThan(Date.UTC(2025, 3, 25));
  await viewer.keyboard.press('L');
  await expect(root).toHaveAttribute('data-position-ms', String(Date.UTC(2025, 3, 25)));
  presenter.close();
});

test('a blanked screen shows nothing but a dark screen, and comes back when the presenter unblanks', async ({ browser, request, baseURL }, testInfo) => {
  const room = await createRoom(request);
  const presenter = await PresenterSocket.connect(baseURL ?? '', room);
  await presenter.present({ eventId: 'remchukov-2018-mayoral-campaign' });
  const viewer = await (await browser.newContext()).newPage();
  await openWatch(viewer, room.roomId);
  const root = watchRoot(viewer);
  await expect(root).toHaveAttribute('data-current-event', 'remchukov-2018-mayoral-campaign');

  await presenter.present({ blank: true });
  await expect(root).toHaveAttribute('data-blank', 'true', { timeout: FOLLOW_MS });
  await expect(viewer.getByRole('heading')).toHaveCount(0);
  await expect(viewer.getByRole('button')).toHaveCount(0);
  await expect(viewer.getByRole('region', { name: 'Timeline' })).toHaveCount(0);
  expect(await root.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
  await viewer.screenshot({ path: testInfo.outputPath('audience-blank.png') });

  await presenter.present({ blank: false });
  await expect(root).toHaveAttribute('data-blank', 'false', { timeout: FOLLOW_MS });
  await expect(viewer.locator('.watch-event').getByRole('heading', { level: 2 })).toBeVisible();
  presenter.close();
});
