/**
 * The browser measurements on one story: opening (viewer, then presenter), drag (viewer), seeks and live release
 * (presenter's dashboard), and their floors (floorPages.ts).
 */
import type { Browser, Page } from 'playwright-core';
import type { Schedule } from '@/lib/replay/schedule';
import { closePage, openFloorPage, probedPage, TALL_WINDOW, WINDOW } from './benchBrowser';
import { chartTotalsAt } from './chartTotals';
import type { TracePhases, Tracer } from './chromiumTrace';
import { openDashboard, type OpenedDashboard } from './dashboardPage';
import { dragPlayheadAcrossStory, type DragResult } from './dragPlayhead';
import { BareJumpClient, storyFetchFloor, type StoryFetchFloor } from './floorPages';
import { measureLiveRelease, type LiveResult } from './liveRelease';
import { BenchPresenter, createRoom } from './presenterSocket';
import { measureBareSeeks, measureSeeks, type SeekRun } from './seekToCharts';

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
  /** Traces the viewer's opening, the seeks and the live window when BENCH_UI_TRACE_DIR is set (chromiumTrace.ts). */
  tracer: Tracer;
  log(message: string): void;
}

export interface StoryFigures {
  eventCount: number;
  /** The viewer's dashboard opened on a room standing at the story's end. */
  viewerOpen: OpenedDashboard | null;
  /** The presenter's dashboard (tall window) opened on the same room. */
  presenterOpen: OpenedDashboard | null;
  /** Floor of the open: the story fetched and parsed in a blank page of the server's origin. */
  storyFetch: StoryFetchFloor | null;
  /** Timeline marks in the DOM once the viewer's dashboard is open. */
  marksDrawn: number | null;
  drag: DragResult | null;
  seeks: SeekRun | null;
  /** Floor of the seeks: the same seeks reaching a bare client, each jump received to the next frame. */
  bareSeekFramesMs: number[];
  live: LiveResult | null;
  /** Where the main thread's time went in each traced step (only with BENCH_UI_TRACE_DIR). */
  traceNotes: string[];
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

/** A dashboard's opening in three: until it asks for the story, while the story downloads, from its last byte to usable. */
function openingPhases(opened: OpenedDashboard): TracePhases {
  const { story, usableAtMs } = opened.usable;
  if (!story || usableAtMs === null) return null;
  return {
    phases: [
      { label: 'navigation to the story request', fromMs: 0, toMs: story.requestStartMs },
      { label: 'story download', fromMs: story.requestStartMs, toMs: story.responseEndMs },
      { label: 'story received to usable', fromMs: story.responseEndMs, toMs: usableAtMs },
    ],
  };
}

/** Each seek from its jump frame to its charts updated, averaged. */
function seekPhases(run: SeekRun): TracePhases {
  const phases = run.samples.flatMap((sample, index) =>
    sample.jumpAtMs === null || sample.doneAtMs === null ? [] : [{ label: `seek ${index + 1}`, fromMs: sample.jumpAtMs, toMs: sample.doneAtMs }],
  );
  return { phases, averagedAs: `jump to charts, mean of ${phases.length} seeks` };
}

/** The recorded window of the live release. */
function liveWindowPhases(live: LiveResult): TracePhases {
  return { phases: [{ label: 'recorded window', fromMs: live.recording.startedAtMs, toMs: live.recording.stoppedAtMs }] };
}

/** Asks for the story once from the bench process: the server serialises a story's body once, on its first request. */
async function warmStoryBody(url: string, scenarioId: string): Promise<void> {
  const response = await fetch(`${url}/api/scenarios/${encodeURIComponent(scenarioId)}`);
  if (!response.ok) throw new Error(`GET /api/scenarios/${scenarioId} answered ${response.status}`);
  await response.arrayBuffer();
}

export async function measureStory(browser: Browser, settings: StorySettings): Promise<StoryFigures> {
  const { url, scenarioId, schedule } = settings;
  const eventCount = schedule.events.length;
  const atEnd = { eventCount, totals: chartTotalsAt(schedule, schedule.endMs) };
  const figures: StoryFigures = {
    eventCount,
    viewerOpen: null,
    presenterOpen: null,
    storyFetch: null,
    marksDrawn: null,
    drag: null,
    seeks: null,
    bareSeekFramesMs: [],
    live: null,
    traceNotes: [],
    failures: [],
  };
  /** Runs a step traced (when tracing) and keeps the summary of its trace. */
  const traced = async <T>(page: Page, step: string, run: () => Promise<T>, phasesOf?: (result: T) => TracePhases): Promise<T> => {
    const { result, summary } = await settings.tracer.trace(browser, page, `${scenarioId}-${step}`, run, phasesOf);
    if (summary !== null) figures.traceNotes.push(`${step}: ${summary}`);
    return result;
  };
  const room = await createRoom(url, scenarioId);
  const presenter = await BenchPresenter.connect(url, room);
  try {
    await presenter.seek(schedule.endMs);
    await warmStoryBody(url, scenarioId);
    const floorPage = await openFloorPage(browser);
    figures.storyFetch = await attempt('fetching the story in a blank page', floorPage, figures, () => storyFetchFloor(floorPage, url, scenarioId));
    await closePage(floorPage).catch(() => undefined);

    const viewer = await probedPage(browser);
    figures.viewerOpen = await attempt('opening the viewer', viewer, figures, () =>
      traced(viewer, 'viewer-open', () => openDashboard(viewer, url, room.roomId, atEnd, OPEN_TIMEOUT_MS), openingPhases),
    );
    if (figures.viewerOpen !== null) {
      figures.marksDrawn = await viewer.locator('.timeline-mark').count();
      settings.log(`  ${eventCount} events: viewer open in ${(figures.viewerOpen.openMs / 1_000).toFixed(1)} s; dragging the playhead`);
      figures.drag = await attempt('drag', viewer, figures, () => dragPlayheadAcrossStory(viewer, settings.dragWallMs));
    }
    await closePage(viewer).catch(() => undefined);

    settings.log(`  ${eventCount} events: seeks to a bare client`);
    const barePage = await openFloorPage(browser);
    const bareFrames = await attempt('seeks to a bare client', barePage, figures, async () => {
      const client = await BareJumpClient.join(barePage, url, room.roomId);
      return measureBareSeeks(client, presenter, schedule, settings.quick, SEEK_TIMEOUT_MS);
    });
    figures.bareSeekFramesMs = bareFrames ?? [];
    await closePage(barePage).catch(() => undefined);
    await presenter.seek(schedule.endMs);

    const presenterPage = await probedPage(browser, TALL_WINDOW);
    figures.presenterOpen = await attempt('opening the presenter', presenterPage, figures, () =>
      openDashboard(presenterPage, url, room.roomId, atEnd, OPEN_TIMEOUT_MS, room.presenterKey),
    );
    if (figures.presenterOpen !== null) {
      settings.log(`  ${eventCount} events: seeking`);
      figures.seeks = await attempt('seeks', presenterPage, figures, () =>
        traced(presenterPage, 'seeks', () => measureSeeks(presenterPage, presenter, schedule, settings.quick, SEEK_TIMEOUT_MS), seekPhases),
      );
      settings.log(`  ${eventCount} events: live release`);
      if (figures.seeks === null) figures.failures.push('live release: skipped (the page was closed when the seeks failed)');
      else {
        figures.live = await attempt('live release', presenterPage, figures, async () => {
          await presenterPage.setViewportSize(WINDOW);
          return traced(
            presenterPage,
            'live',
            () => measureLiveRelease(presenterPage, presenter, schedule, settings.liveWindowMs, settings.maxGapWallMs),
            liveWindowPhases,
          );
        });
      }
    }
    await closePage(presenterPage).catch(() => undefined);
  } finally {
    presenter.close();
  }
  return figures;
}
