/**
 * (c) The room plays from the middle of the story at the rate that releases about LIVE_EVENTS_PER_SECOND over the
 * window, and the dashboard following it records its frames for LIVE_WINDOW_MS. The window starts once the server
 * answers a control promptly, so that nothing left over from the seeks before it falls into the window. The generator's stories are
 * bursty (hundreds of events on one day), so "50 a second" is an average over bursts. The baseline records an empty
 * page for as long.
 */
import type { Page } from 'playwright-core';
import { MAX_STORY_SECONDS_PER_SECOND, MIN_STORY_SECONDS_PER_SECOND } from '@/lib/replay/rates';
import { releasedCountAt, type Schedule } from '@/lib/replay/schedule';
import { plannedReleases } from '../core/releasePlan';
import { eventCountOf, settle } from './dashboardPage';
import { frameRecordingSchema, PROBES_SCRIPT, type FrameRecording } from './pageProbes';
import type { BenchPresenter } from './presenterSocket';

export const LIVE_EVENTS_PER_SECOND = 50;
export const LIVE_WINDOW_MS = 5_000;
const QUICK_LIVE_WINDOW_MS = 2_000;
const RATE_SEARCH_STEPS = 50;
/** The window starts once the server answers a control this fast (with protocol 2 a seek leaves it no work: at once). */
const PROMPT_ANSWER_MS = 50;
const MAX_SETTLE_WAIT_MS = 15_000;
/** A burst released at the end of the window (the generator puts hundreds of events on one day) may still be drawing. */
const CATCH_UP_WAIT_MS = 3_000;

export interface LiveResult {
  recording: FrameRecording;
  /** Events the room released in the window (as its presenter received them). */
  releasedEvents: number;
  /** Events the dashboard showed more than at the start, once it had caught up (up to CATCH_UP_WAIT_MS after the window). */
  shownEvents: number;
  wallMs: number;
  storySecondsPerSecond: number;
}

/** The smallest rate at which a replay from `fromMs` releases `eventsPerSecond` on average over `windowMs`. */
export function rateForLiveWindow(schedule: Schedule, fromMs: number, eventsPerSecond: number, windowMs: number, maxGapWallMs: number): number {
  const wanted = (eventsPerSecond * windowMs) / 1_000;
  const releasedWithin = (storySecondsPerSecond: number) =>
    plannedReleases(schedule, { storySecondsPerSecond, maxGapWallMs }, fromMs).filter((release) => release.offsetMs < windowMs).length;
  let low = Math.log(MIN_STORY_SECONDS_PER_SECOND);
  let high = Math.log(MAX_STORY_SECONDS_PER_SECOND);
  for (let step = 0; step < RATE_SEARCH_STEPS; step++) {
    const middle = (low + high) / 2;
    if (releasedWithin(Math.exp(middle)) >= wanted) high = middle;
    else low = middle;
  }
  return Math.exp(high);
}

export function liveWindowMs(quick: boolean): number {
  return quick ? QUICK_LIVE_WINDOW_MS : LIVE_WINDOW_MS;
}

/** Repeats a command that changes nothing until the server answers it within PROMPT_ANSWER_MS (or gives up). */
async function untilServerAnswersPromptly(presenter: BenchPresenter, storySecondsPerSecond: number): Promise<void> {
  const giveUpAt = performance.now() + MAX_SETTLE_WAIT_MS;
  while (performance.now() < giveUpAt) {
    const sentAt = performance.now();
    await presenter.control({ type: 'rate', storySecondsPerSecond });
    if (performance.now() - sentAt < PROMPT_ANSWER_MS) return;
  }
}

/** On a dashboard following the room: seeks to the middle, plays at the live rate, records, pauses. */
export async function measureLiveRelease(page: Page, presenter: BenchPresenter, schedule: Schedule, windowMs: number, maxGapWallMs: number): Promise<LiveResult> {
  const middleIndex = Math.floor(schedule.anchorsMs.length / 2);
  const fromMs = schedule.anchorsMs[middleIndex] ?? schedule.startMs;
  const storySecondsPerSecond = rateForLiveWindow(schedule, fromMs, LIVE_EVENTS_PER_SECOND, windowMs, maxGapWallMs);
  await presenter.seek(fromMs);
  await presenter.control({ type: 'rate', storySecondsPerSecond });
  await page.locator(`section.timeline[data-event-count="${releasedCountAt(schedule, fromMs)}"]`).waitFor();
  await untilServerAnswersPromptly(presenter, storySecondsPerSecond);
  await settle(page);
  const before = await eventCountOf(page);
  const releasedBefore = presenter.releasedEvents;
  await page.evaluate('window.__sitrepBench.startFrames()');
  const started = performance.now();
  await presenter.control({ type: 'play' });
  await page.waitForTimeout(windowMs);
  const recording = frameRecordingSchema.parse(await page.evaluate('window.__sitrepBench.stopFrames()'));
  const wallMs = performance.now() - started;
  await presenter.control({ type: 'pause' });
  const releasedEvents = presenter.releasedEvents - releasedBefore;
  await page
    .locator(`section.timeline[data-event-count="${before + releasedEvents}"]`)
    .waitFor({ timeout: CATCH_UP_WAIT_MS })
    .catch(() => undefined);
  const shownEvents = (await eventCountOf(page)) - before;
  return { recording, releasedEvents, shownEvents, wallMs, storySecondsPerSecond };
}

/** The baseline: an empty page with only the frame recorder, for the same window. */
export async function idleEmptyPage(page: Page, windowMs: number): Promise<FrameRecording> {
  await page.setContent('<!doctype html><html><body>empty</body></html>');
  await page.evaluate(PROBES_SCRIPT);
  await settle(page);
  await page.evaluate('window.__sitrepBench.startFrames()');
  await page.waitForTimeout(windowMs);
  return frameRecordingSchema.parse(await page.evaluate('window.__sitrepBench.stopFrames()'));
}
