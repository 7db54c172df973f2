import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Deck } from '@/lib/decks/deckSchema';
import { openWatch, watchRoot } from './support/audience';
import { createRoom, type CreatedRoom } from './support/rooms';

const presenterView = (page: Page) => page.locator('main.present');

async function addMoment(request: APIRequestContext, baseURL: string, room: CreatedRoom, moment: object): Promise<Deck> {
  const response = await request.post(`${baseURL}/api/rooms/${room.roomId}/deck/moments`, {
    headers: { authorization: `Bearer ${room.presenterKey}` },
    data: { moment },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { deck: Deck }).deck;
}

const MOMENTS = [
  { storyMs: Date.UTC(2025, 3, 4), eventId: 'restaurant-strike-april-4', chart: 'reported-deaths', note: 'The restaurant.' },
  { storyMs: Date.UTC(2025, 3, 14), eventId: 'kursk-99-percent-claim', chart: 'strikes-vs-diplomacy', note: 'Kursk.' },
  { storyMs: Date.UTC(2025, 3, 24), eventId: 'lavrov-cbs-interview', chart: 'activity-by-actor', note: 'Lavrov.' },
].map((m) => ({ ...m, filter: { types: [], actors: [] } }));

test('a presenter steps through three moments and the audience follows each within 1 s; a late joiner lands on the moment', async ({ browser, request, baseURL }) => {
  const room = await createRoom(request);
  let deck: Deck | undefined;
  for (const moment of MOMENTS) deck = await addMoment(request, baseURL ?? '', room, moment);
  const ids = deck?.moments.map((m) => m.id) ?? [];
  expect(ids).toHaveLength(3);

  const presenter = await (await browser.newContext()).newPage();
  await presenter.goto(`/present/${room.roomId}#key=${room.presenterKey}`);
  await expect(presenterView(presenter)).toHaveAttribute('data-state', 'ready');
  await expect(presenter.getByRole('list', { name: 'Moments' })).toHaveAttribute('data-count', '3');
  const audience = await (await browser.newContext()).newPage();
  await openWatch(audience, room.roomId);

  for (const [index, moment] of MOMENTS.entries()) {
    await presenter.locator('body').press('ArrowRight');
    await expect(presenterView(presenter)).toHaveAttribute('data-moment-index', String(index));
    await expect(watchRoot(audience)).toHaveAttribute('data-moment-id', ids[index] ?? '', { timeout: 1_000 });
    await expect(watchRoot(audience)).toHaveAttribute('data-current-event', moment.eventId, { timeout: 1_000 });
    await expect(watchRoot(audience)).toHaveAttribute('data-chart', moment.chart, { timeout: 1_000 });
  }

  const late = await (await browser.newContext()).newPage();
  await openWatch(late, room.roomId);
  await expect(watchRoot(late)).toHaveAttribute('data-moment-id', ids[2] ?? '');
  await expect(watchRoot(late)).toHaveAttribute('data-current-event', 'lavrov-cbs-interview');
  await expect(watchRoot(late)).toHaveAttribute('data-chart', 'activity-by-actor');
});

/** A server of our own, so that the test can stop and start it (the suite's server keeps running). */
function startServer(port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', SITREP_DATA_DIR: dataDir, SITREP_ROOMS_PER_MINUTE: '100' },
    stdio: 'ignore',
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

test('a deck made in the presenter view is intact after the server restarts', async ({ page }) => {
  test.setTimeout(120_000);
  const port = Number(process.env.SITREP_E2E_RESTART_PORT ?? 3218);
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sitrep-e2e-restart-'));
  let server = startServer(port, dataDir);
  try {
    await expect.poll(() => healthy(url), { timeout: 60_000 }).toBe(true);
    const created = (await (await fetch(`${url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: '2025-04-putin-trump' }) })).json()) as CreatedRoom;
    await page.goto(`${url}/present/${created.roomId}#key=${created.presenterKey}`);
    await expect(presenterView(page)).toHaveAttribute('data-state', 'ready');
    const list = page.getByRole('list', { name: 'Moments' });
    for (const [index, title] of ['Opening', 'The strike', 'The talks'].entries()) {
      await page.getByLabel('Title (optional)').fill(title);
      await page.getByLabel('Note (only you see it)').fill(`Note ${index + 1}`);
      await page.getByRole('button', { name: 'Mark this moment' }).click();
      await expect(list).toHaveAttribute('data-count', String(index + 1));
      await page.getByRole('button', { name: 'Next event', exact: true }).click();
    }
    const before = await list.innerText();

    await stopServer(server);
    expect(await healthy(url)).toBe(false);
    server = startServer(port, dataDir);
    await expect.poll(() => healthy(url), { timeout: 60_000 }).toBe(true);

    await page.reload();
    await expect(presenterView(page)).toHaveAttribute('data-state', 'ready');
    await expect(list).toHaveAttribute('data-count', '3');
    expect(await list.innerText()).toBe(before);
    await expect(list).toContainText('Note 2');
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
