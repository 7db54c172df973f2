/**
 * (a) A viewer drags the timeline's "Story time" handle from the story's start to its end for DRAG_WALL_MS, in small
 * mouse steps, while the page records its frames. The baseline drags the same way over an empty page.
 */
import type { Page } from 'playwright-core';
import { frameRecordingSchema, PROBES_SCRIPT, type FrameRecording } from './pageProbes';
import { settle, storyTimeHandle } from './dashboardPage';

export const DRAG_WALL_MS = 5_000;
const QUICK_DRAG_WALL_MS = 2_000;

export interface DragResult {
  recording: FrameRecording;
  mouseSteps: number;
  wallMs: number;
}

/** Moves the mouse from `fromX` to `toX` at `y`, as far along as the elapsed share of `wallMs`, until the end. */
async function sweep(page: Page, fromX: number, toX: number, y: number, wallMs: number): Promise<number> {
  const started = performance.now();
  let steps = 0;
  for (;;) {
    const share = Math.min(1, (performance.now() - started) / wallMs);
    await page.mouse.move(fromX + share * (toX - fromX), y);
    steps += 1;
    if (share >= 1) return steps;
  }
}

async function recordSweep(page: Page, fromX: number, toX: number, y: number, wallMs: number): Promise<DragResult> {
  await page.mouse.move(fromX, y);
  await page.mouse.down();
  await settle(page);
  await page.evaluate('window.__sitrepBench.startFrames()');
  const started = performance.now();
  const mouseSteps = await sweep(page, fromX, toX, y, wallMs);
  const elapsed = performance.now() - started;
  const recording = frameRecordingSchema.parse(await page.evaluate('window.__sitrepBench.stopFrames()'));
  await page.mouse.up();
  return { recording, mouseSteps, wallMs: elapsed };
}

export function dragWallMs(quick: boolean): number {
  return quick ? QUICK_DRAG_WALL_MS : DRAG_WALL_MS;
}

/** On a viewer's dashboard: Home puts the playhead at the story's start, then the handle is dragged to the end. */
export async function dragPlayheadAcrossStory(page: Page, wallMs: number): Promise<DragResult> {
  const handle = storyTimeHandle(page);
  await handle.focus();
  await page.keyboard.press('Home');
  await page.locator('section.timeline[data-view="detached"]').waitFor();
  await settle(page);
  const handleBox = await handle.boundingBox();
  const plotBox = await page.locator('.timeline-plot').boundingBox();
  if (!handleBox || !plotBox) throw new Error('the playhead handle or the plot is not on screen');
  const y = handleBox.y + handleBox.height / 2;
  return recordSweep(page, handleBox.x + handleBox.width / 2, plotBox.x + plotBox.width - 1, y, wallMs);
}

/** The baseline: the same sweep over a page with nothing but the frame recorder. */
export async function dragOverEmptyPage(page: Page, wallMs: number): Promise<DragResult> {
  await page.setContent('<!doctype html><html><body style="margin:0;height:100vh">empty</body></html>');
  await page.evaluate(PROBES_SCRIPT);
  const width = page.viewportSize()?.width ?? 1280;
  return recordSweep(page, 40, width - 40, 200, wallMs);
}
