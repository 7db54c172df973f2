import { expect, test, type APIRequestContext } from '@playwright/test';
import { momentUrl } from '@/app/roomScreen/viewParams';
import type { Moment, MomentInput } from '@/lib/decks/deckSchema';
import { seriousViolations } from './support/axe';
import { createRoom, type CreatedRoom } from './support/rooms';

const MOMENTS: (MomentInput & { quote: string; total: string })[] = [
  {
    storyMs: Date.UTC(2025, 3, 4),
    eventId: 'restaurant-strike-april-4',
    filter: { types: [], actors: [] },
    chart: 'reported-deaths',
    note: 'Nine children were killed: the toll the article gives.',
    quote: 'a missile strike on a restaurant in central Ukraine on April 4 that killed nine children',
    total: '9',
  },
  {
    storyMs: Date.UTC(2025, 3, 21),
    eventId: 'putin-admits-civilian-targets',
    filter: { types: ['strike', 'meeting', 'proposal'], actors: [] },
    chart: 'strikes-vs-diplomacy',
    note: 'Strikes against talks, three weeks in.',
    title: 'Strikes and talks by 21 April',
    quote: '',
    total: '1',
  },
  {
    storyMs: Date.UTC(2025, 3, 26),
    eventId: 'kyiv-missile-strike',
    filter: { types: [], actors: [] },
    chart: 'activity-by-actor',
    note: 'Who acts, by the end of the story.',
    quote: '',
    total: '31',
  },
];

async function addMoment(request: APIRequestContext, room: CreatedRoom, moment: MomentInput): Promise<Moment[]> {
  const response = await request.post(`/api/rooms/${room.roomId}/deck/moments`, {
    headers: { authorization: `Bearer ${room.presenterKey}` },
    data: { moment },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { deck: { moments: Moment[] } }).deck.moments;
}

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test('the handout prints one moment per page: note, quote and the chart as it stood at the moment', async ({ page, request }, testInfo) => {
  const room = await createRoom(request);
  let moments: Moment[] = [];
  for (const { quote: _quote, total: _total, ...moment } of MOMENTS) moments = await addMoment(request, room, moment);
  expect(moments).toHaveLength(3);

  await page.goto(`/handout/${room.roomId}#key=${room.presenterKey}`);
  const handout = page.locator('.handout');
  await expect(handout).toHaveAttribute('data-state', 'ready');
  const sections = page.locator('.handout-page');
  await expect(sections).toHaveCount(3);
  for (const [index, moment] of moments.entries()) {
    const expected = MOMENTS[index];
    const section = sections.nth(index);
    await expect(section).toHaveAttribute('data-moment-id', moment.id);
    await expect(section).toHaveAttribute('data-page', String(index + 1));
    await expect(section).toContainText(moment.note);
    await expect(section.locator('.handout-quote blockquote')).not.toBeEmpty();
    if (expected?.quote) await expect(section.locator('.handout-quote blockquote')).toContainText(expected.quote);
    const figure = section.locator(`figure[data-chart="${moment.chart}"]`);
    await expect(figure).toHaveAttribute('data-state', 'ready');
    await expect(figure.locator('.recharts-surface').first()).toBeVisible();
    await expect(figure).toHaveAttribute('data-total', expected?.total ?? '');
    await expect(section.getByRole('link')).toHaveAttribute('href', new URL(momentUrl(room.roomId, moment), page.url()).href);
  }
  await expect(sections.nth(1).getByRole('heading', { level: 2 })).toHaveText('Strikes and talks by 21 April');
  await expect(sections.nth(0).getByRole('heading', { level: 2 })).toHaveText('Missile strike on a restaurant in central Ukraine kills nine children');
  await expect(page.getByRole('button', { name: 'Print handout' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('handout-screen.png'), fullPage: true });

  // The print stylesheet: a page break after each moment (but the last, where a break would add a blank page), no
  // buttons, black on white.
  await page.emulateMedia({ media: 'print' });
  const breaks = await sections.evaluateAll((els) => els.map((el) => [getComputedStyle(el).breakAfter, getComputedStyle(el).breakInside]));
  expect(breaks).toEqual([
    ['page', 'avoid'],
    ['page', 'avoid'],
    ['auto', 'avoid'],
  ]);
  await expect(page.getByRole('button', { name: 'Print handout' })).toBeHidden();
  // Hidden buttons leave the accessibility tree: find them by class.
  await expect(page.locator('.handout button')).not.toHaveCount(0);
  for (const button of await page.locator('.handout button').all()) await expect(button).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  expect(await sections.first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
  await page.screenshot({ path: testInfo.outputPath('handout-print.png'), fullPage: true });

  // And in a real PDF from the browser: exactly one page per moment.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await testInfo.attach('handout.pdf', { body: pdf, contentType: 'application/pdf' });
  expect(pdfPageCount(pdf)).toBe(3);
});

test('the handout needs the presenter key, and refuses a wrong one', async ({ page, request }) => {
  const room = await createRoom(request);
  await page.goto(`/handout/${room.roomId}`);
  await expect(page.locator('.handout')).toHaveAttribute('data-state', 'no-key');
  await expect(page.locator('.handout').getByRole('alert')).toContainText('presenter key');
  await page.goto(`/handout/${room.roomId}#key=not-the-key`);
  await page.reload();
  await expect(page.locator('.handout')).toHaveAttribute('data-state', 'error');
  await expect(page.locator('.handout').getByRole('alert')).toContainText('not this room’s');
});
