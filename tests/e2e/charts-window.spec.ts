import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseBinSize } from './support/binnedAgreement';
import { eventSpan, isPrecise } from '@/lib/events/eventSpan';
import type { StoryEvent } from '@/lib/events/schema';
import { binStartMs, nextBinStartMs } from '@/lib/charts/timeBins';
import { pick, seededRandom } from '@/lib/synthetic/random';
import { storyTimeScale } from '@/lib/timeline/storyScale';
import { createRoom, openDashboard, SCENARIO_ID, timeline } from './support/rooms';

/**
 * The time charts show the timeline's window, on its axis (breaks included) and under its plot: after random zooms and
 * pans (seeded; the seed is printed), each bar of the events-per-day chart stands over its bin's stretch of the
 * timeline's axis, the timeline's marks of that day are above it, and the charts' plots have the timeline plot's edges.
 */
const SEED = Number(process.env.SITREP_WINDOW_SEED ?? 40_213);
/** Bounding boxes are compared to this many pixels (sub-pixel layout, rounded window ends). */
const TOLERANCE_PX = 2;
const WINDOWS = 7;

interface Box {
  x: number;
  width: number;
}

const centre = (box: Box) => box.x + box.width / 2;

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not drawn`);
  return box;
}

type WindowAction = (page: Page) => Promise<void>;
const click = (name: string): WindowAction => (page) => timeline(page).getByRole('button', { name, exact: true }).click();
const key = (name: string): WindowAction => async (page) => {
  await timeline(page).focus();
  await page.keyboard.press(name);
};
const overviewKey = (name: string): WindowAction => async (page) => {
  await timeline(page).getByRole('slider', { name: 'Visible window' }).focus();
  await page.keyboard.press(name);
};
const ACTIONS: [string, WindowAction][] = [
  ['zoom in', click('Zoom in')],
  ['zoom out', click('Zoom out')],
  ['fit the story', click('Fit the story')],
  ['focus on the last week', click('Focus on the last week')],
  ['+ on the timeline', key('+')],
  ['- on the timeline', key('-')],
  ['pan later (overview)', overviewKey('ArrowRight')],
  ['pan earlier (overview)', overviewKey('ArrowLeft')],
];

/** The timeline's window (story time) once the charts show the same one. */
async function sharedWindow(page: Page): Promise<{ startMs: number; endMs: number }> {
  const charts = page.getByRole('region', { name: 'Charts' });
  await expect(charts).toHaveAttribute('data-charts', 'latest');
  const startMs = await timeline(page).getAttribute('data-viewport-start-ms');
  const endMs = await timeline(page).getAttribute('data-viewport-end-ms');
  await expect(charts).toHaveAttribute('data-window-start-ms', startMs ?? '');
  await expect(charts).toHaveAttribute('data-window-end-ms', endMs ?? '');
  return { startMs: Number(startMs), endMs: Number(endMs) };
}

test('the time charts show the timeline window: bars under their marks, plots under the plot', async ({ browser, baseURL }) => {
  console.log(`charts window: seed ${SEED} (again with SITREP_WINDOW_SEED=${SEED})`);
  const random = seededRandom(SEED);
  const context = await browser.newContext({ baseURL, viewport: { width: 1920, height: 2400 } });
  const page = await context.newPage();
  const events = ((await (await page.request.get(`/api/scenarios/${SCENARIO_ID}`)).json()) as { events: StoryEvent[] }).events;
  const scale = storyTimeScale(events);
  const room = await createRoom(page.request);
  await openDashboard(page, room.roomId, room.presenterKey);
  // Everything released: the presenter goes to the end.
  await timeline(page).getByRole('slider', { name: 'Story time' }).focus();
  await page.keyboard.press('End');
  await expect(timeline(page)).toHaveAttribute('data-event-count', String(events.length));
  const perDay = page.locator('figure[data-chart="events-per-day"]');
  const plan = parseBinSize((await perDay.getAttribute('data-bin-size')) ?? '');
  if (!plan) throw new Error('events-per-day has no bin size');

  let compared = 0;
  for (let done = 0; done <= WINDOWS; done++) {
    // The opening window, then the whole story (its axis has breaks), then random moves.
    const [name, act] = done === 0 ? ['as it opened', null] : done === 1 ? (ACTIONS[2] as (typeof ACTIONS)[number]) : pick(random, ACTIONS);
    if (act) await act(page);
    const window = await sharedWindow(page);
    await expect(perDay.locator('.chart-plot')).toHaveAttribute('data-drawn', 'latest');
    const plot = await boxOf(timeline(page).locator('.timeline-plot'));
    const [axisStartMs, axisEndMs] = [scale.toAxis(window.startMs), scale.toAxis(window.endMs)];
    const xOf = (ms: number) => plot.x + ((scale.toAxis(ms) - axisStartMs) * plot.width) / (axisEndMs - axisStartMs);

    // The plots' edges: each time chart's x axis line runs from the timeline plot's left edge to its right edge.
    for (const figure of await page.locator('figure.chart-time[data-state="ready"]').all()) {
      const axisLine = await boxOf(figure.locator('.recharts-xAxis .recharts-cartesian-axis-line'));
      expect(Math.abs(axisLine.x - plot.x), `${await figure.getAttribute('data-chart')}: left edge`).toBeLessThanOrEqual(TOLERANCE_PX);
      expect(Math.abs(axisLine.x + axisLine.width - (plot.x + plot.width)), `${await figure.getAttribute('data-chart')}: right edge`).toBeLessThanOrEqual(TOLERANCE_PX);
    }

    // Each point mark of an event dated to a day or an instant (in view), and the bar of its day and type.
    let inView = 0;
    for (const event of events.filter((e) => isPrecise(e.time))) {
      const mark = timeline(page).locator(`[data-event-id="${event.id}"][data-shape="point"]`);
      if ((await mark.count()) === 0) continue;
      const markBox = await boxOf(mark);
      if (centre(markBox) < plot.x || centre(markBox) > plot.x + plot.width) continue;
      const binStart = binStartMs(eventSpan(event).anchorMs, plan.unit, plan.unitsPerBin);
      const [binLeft, binRight] = [xOf(binStart), xOf(nextBinStartMs(binStart, plan.unit, plan.unitsPerBin))];
      const bar = perDay.locator(`rect.chart-bar[data-at="${binStart}"][data-series="${event.type}"]`);
      const barBox = await boxOf(bar);
      const where = `${name}: ${event.id} (${new Date(binStart).toISOString().slice(0, 10)})`;
      expect(Math.abs(centre(barBox) - (binLeft + binRight) / 2), `${where}: bar centred on its bin`).toBeLessThanOrEqual(TOLERANCE_PX);
      expect(barBox.x, `${where}: bar inside its bin`).toBeGreaterThanOrEqual(binLeft - TOLERANCE_PX);
      expect(barBox.x + barBox.width, `${where}: bar inside its bin`).toBeLessThanOrEqual(binRight + TOLERANCE_PX);
      expect(centre(markBox), `${where}: mark above its bar's bin`).toBeGreaterThanOrEqual(binLeft - TOLERANCE_PX);
      expect(centre(markBox), `${where}: mark above its bar's bin`).toBeLessThanOrEqual(binRight + TOLERANCE_PX);
      inView += 1;
    }
    compared += inView;
    if (process.env.SITREP_WINDOW_SHOTS) await page.screenshot({ path: `test-results/charts-window-${done}.png`, fullPage: true });
    console.log(`  ${done}: ${name}: ${new Date(window.startMs).toISOString().slice(0, 10)} – ${new Date(window.endMs).toISOString().slice(0, 10)}, ${inView} marks over their bars`);
  }
  expect(compared, 'marks compared with their bars over all windows').toBeGreaterThan(10);
  await context.close();
});

test('a pan of the timeline redraws the time charts once it rests, not at every frame', async ({ page }) => {
  const room = await createRoom(page.request);
  await openDashboard(page, room.roomId, room.presenterKey);
  await timeline(page).getByRole('slider', { name: 'Story time' }).focus();
  await page.keyboard.press('End');
  const before = await sharedWindow(page);
  await expect(page.locator('figure[data-chart="events-per-day"] .chart-plot')).toHaveAttribute('data-drawn', 'latest');

  // In the page, one horizontal wheel step a frame for 30 frames (a pan at the display's rate), counting the changes
  // to the events-per-day drawing meanwhile (each redraw is one or a few batches of them) and the windows seen.
  const pan = await page.evaluate(async () => {
    const plot = document.querySelector('section[aria-label="Timeline"] .timeline-plot') as HTMLElement;
    const section = plot.closest('section') as HTMLElement;
    const drawing = document.querySelector('figure[data-chart="events-per-day"] .chart-plot') as HTMLElement;
    const counter = window as unknown as { plotMutations: number };
    counter.plotMutations = 0;
    new MutationObserver(() => (counter.plotMutations += 1)).observe(drawing, { subtree: true, childList: true, attributes: true, characterData: true });
    const box = plot.getBoundingClientRect();
    const windows = new Set<string>();
    const startedAt = performance.now();
    for (let frame = 0; frame < 30; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      plot.dispatchEvent(new WheelEvent('wheel', { deltaX: -12, clientX: box.left + box.width / 2, clientY: box.bottom - 8, bubbles: true, cancelable: true }));
      windows.add(section.dataset.viewportStartMs ?? '');
    }
    return { windows: windows.size, mutations: counter.plotMutations, durationMs: performance.now() - startedAt };
  });
  const mutations = () => page.evaluate(() => (window as unknown as { plotMutations: number }).plotMutations);
  console.log(`pan: ${pan.windows} windows in ${Math.round(pan.durationMs)} ms, ${pan.mutations} changes to the chart meanwhile`);
  expect(pan.windows, 'the window moved at the frames of the pan').toBeGreaterThan(20);
  expect(pan.mutations, 'changes to the chart while the window moved').toBe(0);

  // Once the window rests, the charts show it.
  const after = await sharedWindow(page);
  expect(after.startMs).toBeLessThan(before.startMs);
  await expect.poll(mutations).toBeGreaterThan(0);
});
