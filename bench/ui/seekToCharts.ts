/**
 * (b) A presenter seeks; on the presenter's dashboard, the time from the moment the room's `replay:jump` frame is
 * received (protocol 2: a seek is that one small message; taken before Socket.IO decodes it) to the first animation
 * frame after all four charts' `data-total` show the new position. The floor is the same seeks reaching a bare
 * client (floorPages.ts): the frame decoded, its count written into the page, the next frame.
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';
import type { Schedule } from '@/lib/replay/schedule';
import { chartTotalsAt } from './chartTotals';
import { settle } from './dashboardPage';
import type { BareJumpClient } from './floorPages';
import { chartWatchSchema, largestFramesSchema } from './pageProbes';
import type { BenchPresenter } from './presenterSocket';

/**
 * Where each seek goes, as a share of the story's events (1: the story's end). The room starts at the end; each
 * target differs from the one before, so every seek changes every chart.
 */
const SEEK_TARGET_SHARES = [0.5, 1, 0.25, 1, 0.75, 1, 0.5, 1];
const QUICK_SEEK_TARGET_SHARES = [0.5, 1, 0.25];
const PAUSE_BETWEEN_SEEKS_MS = 300;

export interface SeekSample {
  /** Jump frame received to all four charts updated; null when they did not update within the timeout. */
  jumpToChartsMs: number | null;
  /** When the jump frame arrived and when the charts were updated, in the page's clock (ms since its navigation). */
  jumpAtMs: number | null;
  doneAtMs: number | null;
}

export interface SeekRun {
  samples: SeekSample[];
  /** The largest `replay:jump` frame the page received, in bytes. */
  largestJumpBytes: number;
}

function targetMs(schedule: Schedule, share: number): number {
  if (share >= 1) return schedule.endMs;
  return schedule.anchorsMs[Math.floor(share * (schedule.anchorsMs.length - 1))] ?? schedule.startMs;
}

function seekTargets(schedule: Schedule, quick: boolean): number[] {
  return (quick ? QUICK_SEEK_TARGET_SHARES : SEEK_TARGET_SHARES).map((share) => targetMs(schedule, share));
}

async function seekOnce(page: Page, presenter: BenchPresenter, schedule: Schedule, toMs: number, timeoutMs: number): Promise<SeekSample> {
  const jumpsBefore = z.number().parse(await page.evaluate('window.__sitrepBench.jumpCount()'));
  const expected = chartTotalsAt(schedule, toMs);
  await page.evaluate(`window.__sitrepBench.watchCharts(${JSON.stringify(expected)}, ${jumpsBefore}, ${timeoutMs})`);
  await presenter.seek(toMs);
  const watch = chartWatchSchema.parse(await page.evaluate('window.__sitrepBenchCharts'));
  const jumpToChartsMs = watch.doneAtMs !== null && watch.jumpAtMs !== null ? watch.doneAtMs - watch.jumpAtMs : null;
  return { jumpToChartsMs, jumpAtMs: watch.jumpAtMs, doneAtMs: watch.doneAtMs };
}

/** Seeks the room to each target in turn and measures each update of the presenter's charts. */
export async function measureSeeks(page: Page, presenter: BenchPresenter, schedule: Schedule, quick: boolean, timeoutMs: number): Promise<SeekRun> {
  const samples: SeekSample[] = [];
  for (const toMs of seekTargets(schedule, quick)) {
    samples.push(await seekOnce(page, presenter, schedule, toMs, timeoutMs));
    await settle(page);
    await page.waitForTimeout(PAUSE_BETWEEN_SEEKS_MS);
  }
  const largest = largestFramesSchema.parse(await page.evaluate('window.__sitrepBench.largestFrameBytes()'));
  return { samples, largestJumpBytes: largest.jump };
}

/** The floor: the same seeks reaching a bare client of the room; each jump received to the next frame. */
export async function measureBareSeeks(client: BareJumpClient, presenter: BenchPresenter, schedule: Schedule, quick: boolean, timeoutMs: number): Promise<number[]> {
  const frames: number[] = [];
  for (const toMs of seekTargets(schedule, quick)) {
    const index = await client.jumpCount();
    await presenter.seek(toMs);
    frames.push((await client.drawnJump(index, timeoutMs)).frameMs);
    await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_SEEKS_MS));
  }
  return frames;
}
