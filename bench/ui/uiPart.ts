/**
 * Part "ui": the dashboard in Chromium on the generator's 1,000-, 10,000- and 100,000-event stories, served by the
 * real server: (a) a viewer drags the playhead across the story, (b) a presenter's seek reaches every chart, (c) the
 * room releases about 50 events a second; and how soon after navigation the dashboard is usable. Floors measured in
 * the same run: an empty page with only the frame recorder (dragged over, or idle), the same seeks reaching a bare
 * client, and the story fetched and parsed in a blank page (floorPages.ts).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serverConfigFromEnv } from '@/lib/server/config';
import type { BenchContext, BenchMetric, BenchPart } from '../core/benchResult';
import { busyPercent, cpuTimes } from '../core/machineLoad';
import { loadStory } from '../core/releasePlan';
import { scriptLabeler, traceDirFromEnv, tracer } from './chromiumTrace';
import { closePage, launchBrowser, probedPage, TALL_WINDOW, WINDOW } from './benchBrowser';
import { dragOverEmptyPage, dragWallMs } from './dragPlayhead';
import { describeFrames, frameStats } from './frameStats';
import { idleEmptyPage, liveWindowMs } from './liveRelease';
import type { OpenedDashboard } from './dashboardPage';
import { measureStory, type StoryFigures } from './storyRun';
import { scalingMetrics, storyMetrics, type Floors } from './uiMetrics';
import { startUiServer, storyIdFor, writeStories } from './uiServer';

const EVENT_COUNTS = [1_000, 10_000, 100_000];
const QUICK_EVENT_COUNTS = [1_000, 10_000];

async function measureFloors(browser: Browser, quick: boolean): Promise<Floors> {
  const page = await probedPage(browser);
  try {
    const drag = await dragOverEmptyPage(page, dragWallMs(quick));
    const idle = await idleEmptyPage(page, liveWindowMs(quick));
    return { drag: frameStats(drag.recording), idle: frameStats(idle) };
  } finally {
    await closePage(page);
  }
}

const MB = 1e6;
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '?' : value.toFixed(0));

/** Where the time to usable went: the story's request and response, the first paint, then the app's own work. */
function openNote(events: string, who: string, opened: OpenedDashboard): string {
  const { usable, unmet } = opened;
  const story = usable.story;
  const storyPart = story
    ? `the story (${(story.bodyBytes / MB).toFixed(1)} MB, ${(story.transferBytes / MB).toFixed(1)} MB on the wire) requested at ${ms(story.requestStartMs)}, ` +
      `first byte ${ms(story.responseStartMs)}, last byte ${ms(story.responseEndMs)} ms`
    : 'no story request seen';
  const usablePart = usable.usableAtMs === null ? `NOT usable within the wait (missing: ${unmet.join('; ')})` : `usable at ${ms(usable.usableAtMs)} ms`;
  return `${events} events, ${who}: ${usablePart} after navigation; first contentful paint ${ms(usable.firstContentfulPaintMs)}, DOMContentLoaded ${ms(usable.domContentLoadedMs)}, ${storyPart}`;
}

function storyNotes(figures: StoryFigures): string[] {
  const events = figures.eventCount.toLocaleString('en-GB');
  const notes = figures.failures.map((failure) => `${events} events: NOT MEASURED, ${failure}`);
  if (figures.storyFetch) {
    const floor = figures.storyFetch;
    notes.push(
      `${events} events, floor: the story fetched and parsed in a blank page in ${ms(floor.loadedMs)} ms, of which JSON.parse ${ms(floor.parseMs)} ms ` +
        `(${(floor.bodyBytes / MB).toFixed(1)} MB, ${(floor.transferBytes / MB).toFixed(1)} MB on the wire)`,
    );
  }
  if (figures.viewerOpen) {
    notes.push(openNote(events, 'viewer (1920×1080)', figures.viewerOpen));
    notes.push(`${events} events: ${figures.marksDrawn ?? '?'} timeline marks in the viewer's DOM`);
  }
  if (figures.presenterOpen) notes.push(openNote(events, 'presenter (1920×2160)', figures.presenterOpen));
  if (figures.drag) notes.push(`${events} events, drag: ${describeFrames(frameStats(figures.drag.recording))}, ${figures.drag.mouseSteps} mouse steps`);
  if (figures.seeks && figures.seeks.samples.length > 0) {
    notes.push(
      `${events} events, seeks: ${figures.seeks.samples.map((s) => s.jumpToChartsMs?.toFixed(0) ?? 'timeout').join(', ')} ms; ` +
        `the largest replay:jump frame was ${figures.seeks.largestJumpBytes} bytes; ` +
        `bare client: ${figures.bareSeekFramesMs.map((frame) => frame.toFixed(1)).join(', ')} ms`,
    );
  }
  if (figures.live) {
    const perSecond = (figures.live.releasedEvents / figures.live.wallMs) * 1_000;
    notes.push(
      `${events} events, live: ${describeFrames(frameStats(figures.live.recording))}; the room released ${figures.live.releasedEvents} events ` +
        `(${perSecond.toFixed(0)}/s) and the dashboard showed ${figures.live.shownEvents} of them`,
    );
  }
  notes.push(...figures.traceNotes.map((note) => `${events} events, traced ${note}`));
  return notes;
}

export const uiPart: BenchPart = {
  name: 'ui',
  title: 'Dashboard in Chromium: usable after navigation, playhead drag, seek to charts, live release; 1k / 10k / 100k events',
  needsAppBuild: true,
  async run(context: BenchContext) {
    const eventCounts = context.quick ? QUICK_EVENT_COUNTS : EVENT_COUNTS;
    const eventsDir = writeStories(context.workDir, eventCounts);
    const server = await startUiServer(context.repoRoot, context.workDir, eventsDir, storyIdFor(eventCounts[0] ?? 1_000));
    const browser = await launchBrowser();
    const browserVersion = browser.version();
    const { maxGapWallMs } = serverConfigFromEnv({});
    const traceDir = traceDirFromEnv();
    const traceTool = tracer(traceDir, scriptLabeler(context.repoRoot));
    const cpuAtStart = cpuTimes();
    const stories: StoryFigures[] = [];
    let floors: Floors;
    try {
      floors = await measureFloors(browser, context.quick);
      for (const count of eventCounts) {
        context.log(`ui: ${count.toLocaleString('en-GB')} events`);
        const { schedule } = await loadStory(path.join(eventsDir, storyIdFor(count)));
        stories.push(
          await measureStory(browser, {
            url: server.url,
            scenarioId: storyIdFor(count),
            schedule,
            quick: context.quick,
            dragWallMs: dragWallMs(context.quick),
            liveWindowMs: liveWindowMs(context.quick),
            maxGapWallMs,
            tracer: traceTool,
            log: context.log,
          }),
        );
      }
    } finally {
      await browser.close();
      await server.stop();
    }
    const metrics: BenchMetric[] = [...stories.flatMap((figures) => storyMetrics(figures, floors)), ...scalingMetrics(stories)];
    const notes = [
      `Chromium ${browserVersion}, window ${WINDOW.width}×${WINDOW.height} (seeks: ${TALL_WINDOW.width}×${TALL_WINDOW.height}, all four charts in view); the machine was ${busyPercent(cpuAtStart, cpuTimes()).toFixed(0)}% busy (all cores) over the part`,
      `floors: empty page dragged over: ${describeFrames(floors.drag)}; idle: ${describeFrames(floors.idle)}`,
      ...(traceDir === null ? [] : [`TRACED run (traces in ${traceDir}): tracing slows the page, these figures are not for comparison`]),
      ...stories.flatMap(storyNotes),
    ];
    return { part: 'ui', title: uiPart.title, metrics, notes };
  },
};
