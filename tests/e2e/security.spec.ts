import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REPO_ROOT } from '../helpers/repoRoot';
import { openFramed, startFramingSite, type FramingSite } from './support/framing';
import { PresenterSocket } from './support/presenterSocket';
import { createRoom, SCENARIO_ID, type CreatedRoom } from './support/rooms';
import { startSitrepProcess, type StoryServer } from './support/storyServer';

/** Collects, from the first script on, every CSP violation the page reports (the browser tells the document). */
const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
};

/** A page with its CSP violations: those the document reported and the console's "Content Security Policy" messages. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(RECORD_VIOLATIONS);
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []))];
}

/** The route pattern of every page.tsx under app/ (`/rooms/[roomId]`). */
function pageRoutes(): string[] {
  const entries = readdirSync(path.join(REPO_ROOT, 'app'), { recursive: true, encoding: 'utf8' });
  return entries.filter((e) => path.basename(e) === 'page.tsx').map((e) => `/${path.dirname(e).split(path.sep).join('/')}`.replace(/\/\.$/, '') || '/');
}

interface PageVisit {
  route: string;
  address: (room: CreatedRoom) => string;
  /** Waits until the page works: its data loaded, its charts drawn, its socket connected. */
  works: (page: Page) => Promise<void>;
}

const drawnChart = (page: Page) => expect(page.locator('figure[data-chart][data-state="ready"] svg.recharts-surface').first()).toBeVisible();

async function dashboardWorks(page: Page) {
  await expect(page.locator('.dashboard')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await drawnChart(page);
}

async function watchWorks(page: Page) {
  // Ready: the story is loaded and the room's snapshot came over the socket.
  await expect(page.locator('.watch')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await drawnChart(page);
}

const VISITS: PageVisit[] = [
  { route: '/', address: () => '/', works: dashboardWorks },
  { route: '/rooms/[roomId]', address: (room) => `/rooms/${room.roomId}#key=${room.presenterKey}`, works: dashboardWorks },
  {
    route: '/stories',
    address: () => '/stories',
    works: async (page) => {
      await expect(page.locator('main.page')).toHaveAttribute('data-state', 'ready');
      await expect(page.locator(`section.story[data-scenario-id="${SCENARIO_ID}"]`)).toBeVisible();
    },
  },
  {
    route: '/briefings/new',
    address: () => '/briefings/new',
    works: (page) => expect(page.locator('main.briefing')).toHaveAttribute('data-state', 'ready'),
  },
  {
    route: '/present/[roomId]',
    address: (room) => `/present/${room.roomId}#key=${room.presenterKey}`,
    works: async (page) => {
      await expect(page.locator('main.present')).toHaveAttribute('data-state', 'ready');
      await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
      await drawnChart(page);
    },
  },
  { route: '/watch/[roomId]', address: (room) => `/watch/${room.roomId}`, works: watchWorks },
  {
    route: '/handout/[roomId]',
    address: (room) => `/handout/${room.roomId}#key=${room.presenterKey}`,
    works: async (page) => {
      await expect(page.locator('main.handout')).toHaveAttribute('data-state', 'ready');
      await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
    },
  },
  { route: '/embed/rooms/[roomId]', address: () => '/embed/rooms/live', works: watchWorks },
  {
    route: '/studio',
    address: () => '/studio',
    works: (page) => expect(page.locator(`main.studio [data-scenario-id="${SCENARIO_ID}"]`)).toBeVisible(),
  },
  {
    route: '/studio/new',
    address: () => '/studio/new',
    works: (page) => expect(page.getByRole('textbox', { name: 'Paste the text' })).toBeVisible(),
  },
  {
    route: '/studio/[storyId]',
    address: () => `/studio/${SCENARIO_ID}`,
    works: async (page) => {
      await expect(page.locator('main.studio')).toHaveAttribute('data-state', 'ready');
      await expect(page.getByTestId('source-text')).toBeVisible();
      await drawnChart(page);
    },
  },
];

test('every page is visited below', () => {
  expect(VISITS.map((v) => v.route).sort()).toEqual(pageRoutes().sort());
});

test.describe('pages under the Content-Security-Policy', () => {
  let room: CreatedRoom;
  test.beforeAll(async ({ request, baseURL }) => {
    room = await createRoom(request);
    // A moment in the deck, so that the handout draws a chart; a presented chart, so that /watch draws one.
    const moment = { storyMs: Date.UTC(2025, 3, 14), eventId: 'kursk-99-percent-claim', chart: 'strikes-vs-diplomacy', note: 'Kursk.', filter: { types: [], actors: [] } };
    const added = await request.post(`/api/rooms/${room.roomId}/deck/moments`, { headers: { authorization: `Bearer ${room.presenterKey}` }, data: { moment } });
    expect(added.status()).toBe(201);
    const presenter = await PresenterSocket.connect(baseURL ?? '', room);
    await presenter.seek(Date.UTC(2025, 3, 20));
    await presenter.present({ chart: 'reported-deaths' });
    presenter.close();
  });

  for (const visit of VISITS) {
    test(`${visit.route} works with no CSP violation`, async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto(visit.address(room));
      await visit.works(page);
      expect(await violations()).toEqual([]);
    });
  }

  // (A script element made by a script is trusted under 'strict-dynamic'; injected markup is not.)
  test('an injected inline event handler, style element or style attribute is blocked and reported', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(`/watch/${room.roomId}`);
    await watchWorks(page);
    await page.evaluate(() => {
      const holder = document.createElement('div');
      holder.innerHTML = '<img alt="" src="data:," onerror="document.body.dataset.injected = \'handler\'"><p style="color: red">styled</p>';
      document.body.append(holder);
      const style = document.createElement('style');
      style.textContent = 'body { background: red }';
      document.head.append(style);
    });
    await expect.poll(async () => (await violations()).filter((v) => !/Content Security Policy/.test(v))).toEqual(
      expect.arrayContaining(['script-src-attr inline', 'style-src-elem inline', 'style-src-attr inline']),
    );
    await expect(page.locator('body')).not.toHaveAttribute('data-injected', /.*/);
  });

  test('saving a chart as PNG (an SVG data: image drawn on a canvas, a blob: download) breaks no rule', async ({ browser }) => {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    const violations = await watchViolations(page);
    await page.goto(`/watch/${room.roomId}`);
    await watchWorks(page);
    const save = page.locator('figure[data-chart="reported-deaths"]').getByRole('button', { name: /^Save .* as PNG$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toBe('reported-deaths.png');
    expect(await violations()).toEqual([]);
  });
});

test.describe('framing by another site', () => {
  let listed: FramingSite;
  let unlisted: FramingSite;
  let sitrep: StoryServer;
  let dataDir: string;
  test.beforeAll(async () => {
    [listed, unlisted] = await Promise.all([startFramingSite(), startFramingSite()]);
    dataDir = mkdtempSync(path.join(tmpdir(), 'sitrep-e2e-embed-'));
    // A server of its own: the framing site's port is known only now.
    sitrep = await startSitrepProcess({ SITREP_EMBED_ORIGINS: listed.origin, SITREP_DATA_DIR: dataDir });
  });
  test.afterAll(async () => {
    await Promise.all([sitrep?.stop(), listed?.close(), unlisted?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the listed site cannot frame the dashboard', async ({ page }) => {
    const { frame, refusals } = await openFramed(page, listed, `${sitrep.url}/`);
    expect(frame?.url()).toMatch(/^chrome-error:/);
    expect(refusals.join('\n')).toContain(`Framing '${sitrep.url}/' violates the following Content Security Policy directive: "frame-ancestors 'none'"`);
  });

  test('the listed site frames /embed/rooms/live, and it works there', async ({ page }) => {
    const { frame, refusals } = await openFramed(page, listed, `${sitrep.url}/embed/rooms/live`);
    expect(frame?.url()).toBe(`${sitrep.url}/embed/rooms/live`);
    const embedded = page.frameLocator('iframe');
    await expect(embedded.locator('.watch')).toHaveAttribute('data-state', 'ready');
    await expect(embedded.getByRole('region', { name: 'Timeline' })).toBeVisible();
    expect(refusals).toEqual([]);
  });

  test('a site not listed cannot frame /embed/rooms/live', async ({ page }) => {
    const { frame, refusals } = await openFramed(page, unlisted, `${sitrep.url}/embed/rooms/live`);
    expect(frame?.url()).toMatch(/^chrome-error:/);
    expect(refusals.join('\n')).toContain(`Framing '${sitrep.url}/' violates the following Content Security Policy directive: "frame-ancestors ${listed.origin}"`);
  });
});
