/**
 * (b) A presenter seeks; on the presenter's dashboard, the time from the moment the room's snapshot frame is received
 * (before Socket.IO decodes it) to the moment all four charts' `data-total` show the new position. The floor is the
 * decoding of that same frame alone (JSON.parse in the same page): no client can update its charts faster.
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';
import type { Schedule } from '@/lib/replay/schedule';
import { chartTotalsAt } from './chartTotals';
import { settle } from './dashboardPage';
import { chartWatchSchema } from './pageProbes';
import type { BenchPresenter } from './presenterSocket';

/**
 * Where each seek goes, as a share of the story's events (1: the story's end). The room starts at the end; each
 * target differs from the one before, so every seek changes every chart.
 */
const SEEK_TARGET_SHARES = [0.5, 1, 0.25, 1, 0.75, 1, 0.5, 1];
const QUICK_SEEK_TARGET_SHARES = [0.5, 1, 0.25];
const PAUSE_BETWEEN_SEEKS_MS = 300;

export interface SeekSample {
  /** Snapshot frame received to all four charts updated; null when they did not update within the timeout. */
  snapshotToChartsMs: number | null;
  decodeMs: number | null;
  /** The largest snapshot frame the page has received so far. */
  snapshotBytes: number;
}

function targetMs(schedule: Schedule, share: number): number {
  if (share >= 1) return schedule.endMs;
  return schedule.anchorsMs[Math.floor(share * (schedule.anchorsMs.length - 1))] ?? schedule.startMs;
}

async function seekOnce(page: Page, presenter: BenchPresenter, schedule: Schedule, share: number, timeoutMs: number): Promise<SeekSample> {
  const toMs = targetMs(schedule, share);
  const snapshotsBefore = z.number().parse(await page.evaluate('window.__sitrepBench.snapshotCount()'));
  const expected = chartTotalsAt(schedule, toMs);
  await page.evaluate(`window.__sitrepBench.watchCharts(${JSON.stringify(expected)}, ${snapshotsBefore}, ${timeoutMs})`);
  await presenter.seek(toMs);
  const watch = chartWatchSchema.parse(await page.evaluate('window.__sitrepBenchCharts'));
  const decodeMs = z.number().nullable().parse(await page.evaluate('window.__sitrepBench.decodeLastSnapshotMs()'));
  const snapshotBytes = z.number().parse(await page.evaluate('window.__sitrepBench.largestSnapshotBytes()'));
  const snapshotToChartsMs = watch.doneAtMs !== null && watch.snapshotAtMs !== null ? watch.doneAtMs - watch.snapshotAtMs : null;
  return { snapshotToChartsMs, decodeMs, snapshotBytes };
}

export function seekTargetCount(quick: boolean): number {
  return (quick ? QUICK_SEEK_TARGET_SHARES : SEEK_TARGET_SHARES).length;
}

/** Seeks the room to each target in turn and measures each update of the presenter's charts. */
export async function measureSeeks(page: Page, presenter: BenchPresenter, schedule: Schedule, quick: boolean, timeoutMs: number): Promise<SeekSample[]> {
  const samples: SeekSample[] = [];
  for (const share of quick ? QUICK_SEEK_TARGET_SHARES : SEEK_TARGET_SHARES) {
    samples.push(await seekOnce(page, presenter, schedule, share, timeoutMs));
    await settle(page);
    await page.waitForTimeout(PAUSE_BETWEEN_SEEKS_MS);
  }
  return samples;
}
