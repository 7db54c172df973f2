import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../helpers/repoRoot';
import { SCENARIO_ID } from './support/rooms';
import { startSitrepProcess, type StoryServer } from './support/storyServer';
import { acceptSuggestion, describeEvent, eventForm, selectInSource, seriousViolations } from './support/studio';

/** The editor key of this test's server (a test value, never used outside it). */
const EDITOR_KEY = 'e2e-studio-editor-key-not-a-secret-0123456789';
const STORY_ID = 'drones-over-the-port';
const TWICE = 'The talks ended without a deal';

/** A short article, published on Friday 25 April 2025; "The talks ended without a deal" occurs twice. */
const ARTICLE = [
  'Russian drones struck the port of Odesa on Monday, killing at least four people, the regional governor said.',
  'Late Thursday, the foreign ministers of France and Germany met in Berlin to discuss a ceasefire. The talks ended without a deal.',
  'In recent weeks, shelling has intensified along the southern front, the army said.',
  'On April 4, negotiators met again in Geneva. The talks ended without a deal, a diplomat said.',
].join('\n\n');

let server: StoryServer;
let workDir: string;

test.beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'sitrep-e2e-studio-'));
  const eventsDir = path.join(workDir, 'events');
  cpSync(path.join(REPO_ROOT, 'events', SCENARIO_ID), path.join(eventsDir, SCENARIO_ID), { recursive: true });
  server = await startSitrepProcess({ SITREP_EVENTS_DIR: eventsDir, SITREP_DATA_DIR: path.join(workDir, 'data'), SITREP_EDITOR_KEY: EDITOR_KEY });
});

test.afterAll(async () => {
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('a 5-event story made in the studio is saved, listed in /stories and replayed in a new room', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}/studio/new#key=${EDITOR_KEY}`);
  await expect(page.getByTestId('editor-signed-in')).toBeVisible();
  // The key left the address bar (kept for the tab in sessionStorage), and never went into a query string.
  expect(new URL(page.url()).hash).toBe('');

  await page.getByLabel('Title', { exact: true }).fill('Drones over the port');
  await expect(page.getByLabel('Story id')).toHaveValue(STORY_ID);
  await page.getByLabel('Summary', { exact: true }).fill('Strikes on Odesa while ceasefire talks stall.');
  await page.getByLabel('Source name').fill('The Harbour Courier');
  await page.getByLabel('Source address (URL, optional)').fill('https://example.org/odesa');
  await page.getByLabel('Publication date').fill('2025-04-25');
  await page.getByLabel('Publication time (optional)').fill('14:30');
  await page.getByLabel('Paste the text').fill(ARTICLE);
  await page.getByRole('button', { name: 'Use the pasted text' }).click();
  await expect(page.getByTestId('source-text').locator('[data-paragraph]')).toHaveCount(4);

  // 1. A strike, its relative date ("on Monday") accepted.
  await selectInSource(page, 'Russian drones struck the port of Odesa on Monday');
  await page.getByRole('button', { name: 'Quote selection' }).click();
  await expect(eventForm(page).locator('#event-quote')).toHaveAttribute('data-start', '0');
  await describeEvent(page, { type: 'strike', title: 'Drones strike the port of Odesa', summary: 'Russian drones hit the port of Odesa.', attribution: 'the regional governor' });
  await acceptSuggestion(page, 'on Monday');
  await expect(eventForm(page).locator('#event-time-date')).toHaveValue('2025-04-21');
  await eventForm(page).getByLabel('Killed, qualifier', { exact: true }).selectOption('at-least');
  await eventForm(page).getByLabel('Killed', { exact: true }).fill('4');
  await eventForm(page).getByRole('button', { name: 'Add an actor' }).click();
  await eventForm(page).getByLabel('Actor 1, name', { exact: true }).fill('Russian armed forces');
  await eventForm(page).getByLabel('Actor 1, role', { exact: true }).fill('Armed forces of Russia');
  await eventForm(page).getByLabel('Actor 1, name as written (optional)').fill('Russian drones');
  await eventForm(page).getByLabel('Place (optional)').fill('Odesa');

  // 2. A meeting, "Late Thursday" accepted.
  await selectInSource(page, 'the foreign ministers of France and Germany met in Berlin');
  await page.getByRole('button', { name: 'Quote selection' }).click();
  await describeEvent(page, { type: 'meeting', title: 'French and German ministers meet in Berlin', summary: 'A meeting on a ceasefire.', attribution: 'the source' });
  await acceptSuggestion(page, /Late Thursday/i);
  await expect(eventForm(page).locator('#event-time-date')).toHaveValue('2025-04-24');

  // 3. The date suggested from "In recent weeks" overridden: the month of April.
  // Quoted short at first, then the quote of the open event replaced by a longer selection.
  await selectInSource(page, 'shelling has intensified');
  await page.getByRole('button', { name: 'Quote selection' }).click();
  await selectInSource(page, 'shelling has intensified along the southern front');
  await page.getByRole('button', { name: 'Use as the quote of event 3' }).click();
  await expect(eventForm(page).locator('#event-quote')).toHaveText('shelling has intensified along the southern front');
  await expect(eventForm(page).locator('#event-quote')).toHaveAttribute('data-start', String(ARTICLE.indexOf('shelling')));
  await describeEvent(page, { type: 'strike', title: 'Shelling intensifies in the south', summary: 'More shelling on the southern front.', attribution: 'the army' });
  await expect(eventForm(page).getByRole('list', { name: 'Date suggestions' })).toContainText('In recent weeks');
  await eventForm(page).getByLabel('The source gives').selectOption('point');
  await eventForm(page).locator('#event-time-date').fill('2025-04-01');
  await eventForm(page).getByLabel('Precision').selectOption('month');
  await eventForm(page).getByLabel('As written in the source').fill('In recent weeks');

  // 4. A passage that occurs twice: the second occurrence is picked (the first, selected, is preselected).
  await selectInSource(page, TWICE, 0);
  await page.getByRole('button', { name: 'Quote selection' }).click();
  const picker = page.getByTestId('occurrence-picker');
  await expect(picker.getByRole('radio')).toHaveCount(2);
  await expect(picker.getByRole('radio').first()).toBeChecked();
  // Editing, with an event form, the live check's problems and the occurrence picker open: no serious axe finding.
  expect(await seriousViolations(page)).toEqual([]);
  await picker.getByRole('radio').nth(1).check();
  await picker.getByRole('button', { name: 'Quote this occurrence' }).click();
  const second = ARTICLE.lastIndexOf(TWICE);
  await expect(eventForm(page).locator('#event-quote')).toHaveAttribute('data-start', String(second));
  await expect(eventForm(page).locator('#event-quote')).toHaveAttribute('data-end', String(second + TWICE.length));
  await describeEvent(page, { type: 'statement', title: 'Geneva talks end without a deal', summary: 'No deal in Geneva.', attribution: 'a diplomat' });
  await acceptSuggestion(page, 'April 4');
  await expect(eventForm(page).locator('#event-time-date')).toHaveValue('2025-04-04');

  // 5. From the keyboard: sentence by sentence to "On April 4, negotiators met again in Geneva.", then Enter.
  await page.getByTestId('source-text').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('selected-passage')).toContainText('On April 4, negotiators met again in Geneva.');
  await page.keyboard.press('Enter');
  await describeEvent(page, { type: 'meeting', title: 'Negotiators meet in Geneva', summary: 'Negotiators met again.', attribution: 'the source' });
  await acceptSuggestion(page, 'April 4');
  await eventForm(page).getByRole('checkbox', { name: 'Geneva talks end without a deal' }).check();

  // Live check: nothing left to fix; the preview draws the five events on the room screen's timeline and charts.
  await expect(page.locator('.studio-problems')).toHaveAttribute('data-state', 'valid');
  await expect(page.locator('.studio-preview')).toHaveAttribute('data-event-count', '5');
  await expect(page.locator('.studio-preview').getByRole('region', { name: 'Timeline' })).toHaveAttribute('data-event-count', '5');
  await expect(page.locator('.studio-preview figure[data-chart][data-state="ready"] svg.recharts-surface').first()).toBeVisible();

  await page.getByRole('button', { name: 'Save the new story' }).click();
  await expect(page.getByTestId('save-done')).toBeVisible();
  const saved = (await (await page.request.get(`${server.url}/api/studio/stories/${STORY_ID}`)).json()) as {
    events: { id: string; quote: { start: number; end: number }; time: unknown; casualties?: unknown; actors: unknown[] }[];
  };
  expect(saved.events).toHaveLength(5);
  expect(saved.events.map((e) => e.quote.start)).toContain(second);
  expect(saved.events.map((e) => e.time)).toContainEqual({ date: '2025-04-01', precision: 'month', asWritten: 'In recent weeks' });
  const strike = saved.events.find((e) => e.quote.start === 0);
  expect(strike?.casualties).toEqual({ killed: { count: 4, qualifier: 'at-least' } });
  expect(strike?.actors).toEqual([{ name: 'Russian armed forces', role: 'Armed forces of Russia', asWritten: 'Russian drones' }]);

  await page.getByRole('button', { name: 'Replay in a new room' }).click();
  const roomLink = page.getByTestId('new-room-link');
  await expect(roomLink).toBeVisible();
  const roomHref = (await roomLink.getAttribute('href')) ?? '';

  await page.goto(`${server.url}/stories`);
  await expect(page.locator(`section.story[data-scenario-id="${STORY_ID}"]`)).toContainText('Drones over the port');

  await page.goto(`${server.url}${roomHref}`);
  await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.story-title')).toHaveText('Drones over the port');
  await page.getByRole('region', { name: 'Timeline' }).getByRole('slider', { name: 'Story time' }).focus();
  await page.keyboard.press('End');
  await expect(page.getByRole('region', { name: 'Timeline' })).toHaveAttribute('data-event-count', '5');
});

test('a save over a newer version is refused with a clear message, and the edits stay', async ({ page, request }) => {
  await page.goto(`${server.url}/studio/${SCENARIO_ID}#key=${EDITOR_KEY}`);
  await expect(page.locator('main.studio')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('.studio-problems')).toHaveAttribute('data-state', 'valid');
  // Someone else saves the story meanwhile.
  const stored = (await (await request.get(`${server.url}/api/studio/stories/${SCENARIO_ID}`)).json()) as { version: string; scenario: object; events: unknown; sourceText: string };
  const theirs = await request.put(`${server.url}/api/studio/stories/${SCENARIO_ID}`, {
    headers: { authorization: `Bearer ${EDITOR_KEY}` },
    data: { baseVersion: stored.version, scenario: { ...stored.scenario, summary: 'Their summary.' }, events: stored.events, sourceText: stored.sourceText },
  });
  expect(theirs.status()).toBe(200);
  await page.getByLabel('Summary', { exact: true }).fill('My summary.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('save-error')).toContainText('someone saved this story since you opened it');
  await expect(page.getByLabel('Summary', { exact: true })).toHaveValue('My summary.');
});

test('the studio has no serious accessibility violations, and reading needs no key', async ({ page }) => {
  await page.goto(`${server.url}/studio/${SCENARIO_ID}`);
  await expect(page.locator('main.studio')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('textbox', { name: 'Editor key' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Quote selection' })).toHaveCount(0);
  await expect(page.locator('.studio-preview figure[data-chart][data-state="ready"] svg.recharts-surface').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a binary file, or a text over 2 MB, is refused with a clear message', async ({ page }) => {
  await page.goto(`${server.url}/studio/new#key=${EDITOR_KEY}`);
  const upload = page.getByLabel('Or upload a .txt file');
  await upload.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]) });
  await expect(page.getByTestId('source-text-error')).toContainText('The file is not plain text');
  await upload.setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a') });
  await expect(page.getByTestId('source-text-error')).toContainText('a story\'s source text can be at most 2 MB');
  await expect(page.getByTestId('source-text')).toHaveCount(0);
  await upload.setInputFiles({ name: 'article.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
  await expect(page.getByTestId('source-text').locator('[data-paragraph]')).toHaveCount(4);
});

test('events imported from a CSV file join the story as drafts, their quotes placed in the source', async ({ page }) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${server.url}/studio/new#key=${EDITOR_KEY}`);
  await page.getByLabel('Publication date').fill('2025-04-25');
  await page.getByLabel('Paste the text').fill(ARTICLE);
  await page.getByRole('button', { name: 'Use the pasted text' }).click();
  const csv = [
    'id,type,title,summary,time_date,time_precision,time_as_written,quote_text,attribution,importance',
    'odesa-strike,strike,Drones strike Odesa,Drones hit the port.,2025-04-21,day,on Monday,Russian drones struck the port of Odesa,the regional governor,3',
  ].join('\n');
  await page.getByLabel('TimelineJS JSON or CSV file (one event per row)').setInputFiles({ name: 'events.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-events')).toContainText('Imported 1 event as drafts');
  await page.getByRole('button', { name: 'Strike: Drones strike Odesa' }).click();
  await expect(eventForm(page).locator('#event-quote')).toHaveAttribute('data-start', '0');
  await expect(eventForm(page).locator('#event-time-date')).toHaveValue('2025-04-21');
  expect(cspViolations).toEqual([]);
});
