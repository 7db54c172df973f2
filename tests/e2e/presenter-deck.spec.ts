import { expect, test, type Locator, type Page } from '@playwright/test';
import { createRoom } from './support/rooms';

const presenterView = (page: Page): Locator => page.locator('main.present');
const momentList = (page: Page): Locator => page.getByRole('list', { name: 'Moments' });
const momentTitles = (page: Page): Promise<string[]> =>
  momentList(page)
    .getByRole('heading')
    .evaluateAll((headings) => headings.map((heading) => (heading.textContent ?? '').replace(/^\d+\.\s*/, '')));

async function openPresenter(page: Page, roomId: string, presenterKey: string): Promise<void> {
  await page.goto(`/present/${roomId}#key=${presenterKey}`);
  await expect(presenterView(page)).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByRole('region', { name: 'Deck' })).toHaveAttribute('data-state', 'ready');
}

async function markMoment(page: Page, title: string, note: string): Promise<void> {
  const before = Number(await momentList(page).getAttribute('data-count'));
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByLabel('Note (only you see it)').fill(note);
  await page.getByRole('button', { name: 'Mark this moment' }).click();
  await expect(momentList(page)).toHaveAttribute('data-count', String(before + 1));
}

async function nextEvent(page: Page): Promise<string> {
  const before = await presenterView(page).getAttribute('data-current-event');
  await page.getByRole('button', { name: 'Next event', exact: true }).click();
  await expect(presenterView(page)).not.toHaveAttribute('data-current-event', before ?? '');
  return (await presenterView(page).getAttribute('data-current-event')) ?? '';
}

test('marking three moments, reordering and deleting one; the deck and its notes persist across a reload', async ({ page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  await expect(momentList(page)).toHaveAttribute('data-count', '0');

  const opening = (await presenterView(page).getAttribute('data-current-event')) ?? '';
  await markMoment(page, 'Opening', 'Start with the background.');
  const second = await nextEvent(page);
  await page.keyboard.press('3');
  await expect(presenterView(page)).toHaveAttribute('data-chart', 'strikes-vs-diplomacy');
  await markMoment(page, 'Invasion', 'The war begins.');
  await nextEvent(page);
  await markMoment(page, 'Annexation', 'Four regions.');
  expect(await momentTitles(page)).toEqual(['Opening', 'Invasion', 'Annexation']);
  await expect(momentList(page).locator('[data-moment-id]')).toHaveCount(3);

  // Reorder with the keyboard: the moved moment keeps the focus.
  await page.getByRole('button', { name: 'Move down moment 1' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => momentTitles(page)).toEqual(['Invasion', 'Opening', 'Annexation']);
  await expect(page.getByRole('button', { name: 'Move down moment 2' })).toBeFocused();
  await page.getByRole('button', { name: 'Move up moment 3' }).click();
  await expect.poll(() => momentTitles(page)).toEqual(['Invasion', 'Annexation', 'Opening']);

  // Delete, undo, delete again.
  await page.getByRole('button', { name: 'Delete moment 2' }).click();
  await expect(momentList(page)).toHaveAttribute('data-count', '2');
  const undo = page.getByRole('button', { name: 'Undo delete' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(momentList(page)).toHaveAttribute('data-count', '3');
  await expect.poll(() => momentTitles(page)).toEqual(['Invasion', 'Annexation', 'Opening']);
  await page.getByRole('button', { name: 'Delete moment 2' }).click();
  await expect(momentList(page)).toHaveAttribute('data-count', '2');
  expect(await momentTitles(page)).toEqual(['Invasion', 'Opening']);

  // Edit a note inline.
  await page.getByRole('button', { name: 'Edit note of moment 2' }).click();
  await page.getByLabel('Note of moment 2', { exact: true }).fill('Open with the 2018 campaign.');
  await page.getByRole('button', { name: 'Save note of moment 2' }).click();
  await expect(momentList(page).locator('li').nth(1)).toContainText('Open with the 2018 campaign.');

  // → presents the deck's moments in order: event, chart and note follow.
  await page.keyboard.press('ArrowRight');
  await expect(presenterView(page)).toHaveAttribute('data-moment-index', '0');
  await expect(presenterView(page)).toHaveAttribute('data-current-event', second);
  await expect(presenterView(page)).toHaveAttribute('data-chart', 'strikes-vs-diplomacy');
  await expect(page.getByTestId('current-note')).toContainText('The war begins.');
  await expect(page.getByTestId('next-preview')).toContainText('Opening');
  // Space presses a focused button (here "Edit note"): it is a shortcut once the focus is on the page itself.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(presenterView(page)).toHaveAttribute('data-moment-index', '1');
  await expect(presenterView(page)).toHaveAttribute('data-current-event', opening);
  await expect(presenterView(page)).toHaveAttribute('data-chart', 'events-per-day');
  await expect(page.getByTestId('current-note')).toContainText('Open with the 2018 campaign.');
  await page.keyboard.press('ArrowLeft');
  await expect(presenterView(page)).toHaveAttribute('data-moment-index', '0');
  await page.getByRole('button', { name: 'Go to moment 2' }).click();
  await expect(presenterView(page)).toHaveAttribute('data-moment-index', '1');

  await page.reload();
  await expect(presenterView(page)).toHaveAttribute('data-state', 'ready');
  await expect(momentList(page)).toHaveAttribute('data-count', '2');
  expect(await momentTitles(page)).toEqual(['Invasion', 'Opening']);
  await expect(momentList(page).locator('li').nth(1)).toContainText('Open with the 2018 campaign.');
  await expect(presenterView(page)).toHaveAttribute('data-moment-index', '1');
});

test('a change made from a stale deck is refused with a message, and the deck reloads', async ({ browser, page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  await markMoment(page, 'First', '');
  await nextEvent(page);
  await markMoment(page, 'Second', '');

  const otherTab = await (await browser.newContext()).newPage();
  await openPresenter(otherTab, room.roomId, room.presenterKey);
  await expect(momentList(otherTab)).toHaveAttribute('data-count', '2');
  await otherTab.getByRole('button', { name: 'Delete moment 1' }).click();
  await expect(momentList(otherTab)).toHaveAttribute('data-count', '1');

  await page.getByRole('button', { name: 'Move down moment 1' }).click();
  await expect(page.getByTestId('deck-error')).toContainText('changed elsewhere');
  await expect(momentList(page)).toHaveAttribute('data-count', '1');
  expect(await momentTitles(page)).toEqual(['Second']);
  await otherTab.context().close();
});

test('a change made against an older deck is refused, said so, and the deck reloaded with the other change', async ({ page, request }) => {
  const room = await createRoom(request);
  await openPresenter(page, room.roomId, room.presenterKey);
  await markMoment(page, 'Opening', 'Start with the background.');

  // Another tab of the presenter adds a moment behind this page's back: the page's deck is now one version old.
  const deckUrl = `/api/rooms/${room.roomId}/deck`;
  const headers = { authorization: `Bearer ${room.presenterKey}` };
  const current = (await (await request.get(deckUrl, { headers })).json()) as { deck: { version: number; moments: { storyMs: number }[] } };
  const added = await request.post(`${deckUrl}/moments`, {
    headers,
    data: { moment: { storyMs: current.deck.moments[0]?.storyMs, filter: { types: [], actors: [] }, chart: 'events-per-day', note: 'from the other tab', title: 'Elsewhere' }, expectedVersion: current.deck.version },
  });
  expect(added.status()).toBe(201);

  await page.getByRole('button', { name: 'Edit note of moment 1' }).click();
  await page.getByLabel('Note of moment 1', { exact: true }).fill('A stale edit.');
  await page.getByRole('button', { name: 'Save note of moment 1' }).click();
  await expect(page.getByRole('region', { name: 'Deck' }).getByRole('alert')).toContainText('The deck was changed elsewhere');
  await expect(momentList(page)).toHaveAttribute('data-count', '2');
  expect(await momentTitles(page)).toEqual(['Opening', 'Elsewhere']);
  await expect(momentList(page).locator('li').first()).not.toContainText('A stale edit.');
});
