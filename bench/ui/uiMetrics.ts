/** The UI part's table rows: absolute targets on the 10,000-event story, ratios to the floor, and the scaling ratios. */
import { atMost, metric, type BenchMetric, type MetricCheck } from '../core/benchResult';
import { percentile, sortedCopy } from '../core/stats';
import { FRAME_BUDGET_MS, LONG_FRAME_MS, VSYNC_JITTER_MS, frameStats, type FrameStats } from './frameStats';
import type { StoryFigures } from './storyRun';

/** A seek must update every chart within four frames. */
export const SEEK_TO_CHARTS_LIMIT_MS = 66;
/** The story the absolute targets apply to; the others are for the scaling comparison. */
export const TARGET_STORY_EVENTS = 10_000;
/** Growing the story tenfold must cost less than tenfold. */
const EVENT_COUNT_STEP = 10;

export interface Floors {
  drag: FrameStats;
  idle: FrameStats;
}

const FRAME_P95_CHECK: MetricCheck = {
  target: `≤ ${FRAME_BUDGET_MS.toFixed(1)} ms (±${VSYNC_JITTER_MS} ms vsync jitter)`,
  pass: (sitrep) => sitrep <= FRAME_BUDGET_MS + VSYNC_JITTER_MS,
};
const SUB_LINEAR: MetricCheck = { target: `ratio < ${EVENT_COUNT_STEP}`, pass: (_sitrep, ratio) => ratio !== null && ratio < EVENT_COUNT_STEP };

const label = (events: number) => `${events.toLocaleString('en-GB')} events`;
const withTarget = (events: number, check: MetricCheck) => (events === TARGET_STORY_EVENTS ? check : undefined);

export function seekFigures(figures: StoryFigures): { p50Ms: number | null; maxMs: number | null; decodeP50Ms: number | null } {
  const done = figures.seeks.map((s) => s.snapshotToChartsMs);
  const decode = figures.seeks.flatMap((s) => (s.decodeMs === null ? [] : [s.decodeMs]));
  if (done.length === 0 || done.some((ms) => ms === null)) return { p50Ms: null, maxMs: null, decodeP50Ms: decode.length ? percentile(sortedCopy(decode), 50) : null };
  const sorted = sortedCopy(done as number[]);
  return { p50Ms: percentile(sorted, 50), maxMs: percentile(sorted, 100), decodeP50Ms: percentile(sortedCopy(decode), 50) };
}

export function storyMetrics(figures: StoryFigures, floors: Floors): BenchMetric[] {
  const events = figures.eventCount;
  const drag = figures.drag ? frameStats(figures.drag.recording) : null;
  const live = figures.live ? frameStats(figures.live.recording) : null;
  const seek = seekFigures(figures);
  return [
    metric(`${label(events)}: playhead drag, frame p95`, 'ms', drag?.p95Ms ?? null, floors.drag.p95Ms, withTarget(events, FRAME_P95_CHECK)),
    metric(`${label(events)}: playhead drag, longest frame`, 'ms', drag?.maxMs ?? null, floors.drag.maxMs, withTarget(events, atMost(LONG_FRAME_MS, 'ms'))),
    metric(`${label(events)}: seek to all charts updated, p50`, 'ms', seek.p50Ms, seek.decodeP50Ms),
    metric(`${label(events)}: seek to all charts updated, max`, 'ms', seek.maxMs, seek.decodeP50Ms, withTarget(events, atMost(SEEK_TO_CHARTS_LIMIT_MS, 'ms'))),
    metric(`${label(events)}: live release, frame p95`, 'ms', live?.p95Ms ?? null, floors.idle.p95Ms, withTarget(events, FRAME_P95_CHECK)),
    metric(`${label(events)}: live release, longest frame`, 'ms', live?.maxMs ?? null, floors.idle.maxMs),
  ];
}

/** Each story's figure against the story ten times smaller: the ratio must stay below ten. */
export function scalingMetrics(stories: readonly StoryFigures[]): BenchMetric[] {
  const rows: BenchMetric[] = [];
  for (let i = 1; i < stories.length; i++) {
    const [smaller, larger] = [stories[i - 1] as StoryFigures, stories[i] as StoryFigures];
    const name = `${larger.eventCount / 1_000}k / ${smaller.eventCount / 1_000}k`;
    const p95 = (f: StoryFigures, key: 'drag' | 'live') => {
      const recording = f[key]?.recording;
      return recording ? frameStats(recording).p95Ms : null;
    };
    rows.push(metric(`scaling ${name}: drag frame p95`, 'ms', p95(larger, 'drag'), p95(smaller, 'drag'), SUB_LINEAR));
    rows.push(metric(`scaling ${name}: seek to charts p50`, 'ms', seekFigures(larger).p50Ms, seekFigures(smaller).p50Ms, SUB_LINEAR));
    rows.push(metric(`scaling ${name}: live frame p95`, 'ms', p95(larger, 'live'), p95(smaller, 'live'), SUB_LINEAR));
  }
  return rows;
}
