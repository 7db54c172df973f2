/** The three browser measurements on one story: drag (viewer), seeks and live release (presenter's dashboard). */
import type { Browser, Page } from 'playwright-core';
import type { Schedule } from '@/lib/replay/schedule';
import { closePage, probedPage, TALL_WINDOW, WINDOW } from './benchBrowser';
import { openDashboard } from './dashboardPage';
import { dragPlayheadAcrossStory, type DragResult } from './dragPlayhead';
import { measureLiveRelease, type LiveResult } from './liveRelease';
import { BenchPresenter, createRoom } from './presenterSocket';
import { measureSeeks, type SeekSample } from './seekToCharts';

/** A 100,000-event story takes many seconds to load in a browser on a small machine. */
const OPEN_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 120_000;
const SEEK_TIMEOUT_MS = 30_000;

export interface StorySettings {
  url: string;
  scenarioId: string;
  schedule: Schedule;
  quick: boolean;
  dragWallMs: number;
  liveWindowMs: number;
  maxGapWallMs: number;
  log(message: string): void;
}

export interface StoryFigures {
  eventCount: number;
  viewerOpenMs: number | null;
  /** Timeline marks in the DOM once the viewer's dashboard is open. */
  marksDrawn: number | null;
  drag: DragResult | null;
  seeks: SeekSample[];
  live: LiveResult | null;
  failures: string[];
}

/** Runs `step` with a deadline; on failure or timeout, records why and closes the page (which unblocks it). */
async function attempt<T>(label: string, page: Page, figures: StoryFigures, step: () => Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${STEP_TIMEOUT_MS / 1_000} s`)), STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([step(), deadline]);
  } catch (error) {
    figures.failures.push(`${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    await closePage(page).catch(() => undefined);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

export async function measureStory(browser: Browser, settings: StorySettings): Promise<StoryFigures> {
  const { url, scenarioId, schedule } = settings;
  const eventCount = schedule.events.length;
  const figures: StoryFigures = { eventCount, viewerOpenMs: null, marksDrawn: null, drag: null, seeks: [], live: null, failures: [] };
  const room = await createRoom(url, scenarioId);
  const presenter = await BenchPresenter.connect(url, room);
  try {
    await presenter.seek(schedule.endMs);
    const viewer = await probedPage(browser);
    figures.viewerOpenMs = await attempt('opening the viewer', viewer, figures, () => openDashboard(viewer, url, room.roomId, eventCount, OPEN_TIMEOUT_MS));
    if (figures.viewerOpenMs !== null) {
      figures.marksDrawn = await viewer.locator('.timeline-mark').count();
      settings.log(`  ${eventCount} events: viewer open in ${(figures.viewerOpenMs / 1_000).toFixed(1)} s; dragging the playhead`);
      figures.drag = await attempt('drag', viewer, figures, () => dragPlayheadAcrossStory(viewer, settings.dragWallMs));
    }
    await closePage(viewer).catch(() => undefined);

    const presenterPage = await probedPage(browser, TALL_WINDOW);
    const opened = await attempt('opening the presenter', presenterPage, figures, () =>
      openDashboard(presenterPage, url, room.roomId, eventCount, OPEN_TIMEOUT_MS, room.presenterKey),
    );
    if (opened !== null) {
      settings.log(`  ${eventCount} events: seeking`);
      const seeks = await attempt('seeks', presenterPage, figures, () => measureSeeks(presenterPage, presenter, schedule, settings.quick, SEEK_TIMEOUT_MS));
      figures.seeks = seeks ?? [];
      settings.log(`  ${eventCount} events: live release`);
      if (seeks === null) figures.failures.push('live release: skipped (the page was closed when the seeks failed)');
      else {
        figures.live = await attempt('live release', presenterPage, figures, async () => {
          await presenterPage.setViewportSize(WINDOW);
          return measureLiveRelease(presenterPage, presenter, schedule, settings.liveWindowMs, settings.maxGapWallMs);
        });
      }
    }
    await closePage(presenterPage).catch(() => undefined);
  } finally {
    presenter.close();
  }
  return figures;
}
