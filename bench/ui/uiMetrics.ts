/** The UI part's table rows: absolute targets on the 10,000- and 100,000-event stories, ratios to the floors, and the scaling ratios. */
import { atMost, metric, type BenchMetric, type MetricCheck } from '../core/benchResult';
import { percentile, sortedCopy } from '../core/stats';
import { FRAME_BUDGET_MS, LONG_FRAME_MS, VSYNC_JITTER_MS, frameStats, type FrameStats } from './frameStats';
import type { StoryFigures } from './storyRun';

/** A seek must update every chart within four frames on the 10,000-event story… */
export const SEEK_TO_CHARTS_LIMIT_MS = 66;
/** …and within six on the 100,000-event story. */
export const LARGE_SEEK_TO_CHARTS_LIMIT_MS = 100;
/** The 100,000-event story's dashboard must be usable this soon after navigation. */
export const USABLE_LIMIT_MS = 2_000;
/** The stories the absolute targets apply to; the 1,000-event story is for the scaling comparison. */
export const TARGET_STORY_EVENTS = 10_000;
export const LARGE_STORY_EVENTS = 100_000;
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

/** Which rows carry a target, on which story. */
interface StoryTargets {
  dragP95?: MetricCheck;
  dragLongest?: MetricCheck;
  seekMax?: MetricCheck;
  liveP95?: MetricCheck;
  liveLongest?: MetricCheck;
  usable?: MetricCheck;
}

const TARGETS_BY_STORY = new Map<number, StoryTargets>([
  [
    TARGET_STORY_EVENTS,
    {
      dragP95: FRAME_P95_CHECK,
      dragLongest: atMost(LONG_FRAME_MS, 'ms'),
      seekMax: atMost(SEEK_TO_CHARTS_LIMIT_MS, 'ms'),
      liveP95: FRAME_P95_CHECK,
      liveLongest: atMost(LONG_FRAME_MS, 'ms'),
    },
  ],
  [LARGE_STORY_EVENTS, { seekMax: atMost(LARGE_SEEK_TO_CHARTS_LIMIT_MS, 'ms'), liveP95: FRAME_P95_CHECK, usable: atMost(USABLE_LIMIT_MS, 'ms') }],
]);

const label = (events: number) => `${events.toLocaleString('en-GB')} events`;

interface Spread {
  p50Ms: number | null;
  maxMs: number | null;
}

function spreadOf(values: readonly (number | null)[]): Spread {
  if (values.length === 0 || values.some((ms) => ms === null)) return { p50Ms: null, maxMs: null };
  const sorted = sortedCopy(values as number[]);
  return { p50Ms: percentile(sorted, 50), maxMs: percentile(sorted, 100) };
}

/** The dashboard's seeks (null figures when any seek timed out) and the bare client's. */
export function seekFigures(figures: StoryFigures): { dashboard: Spread; bare: Spread } {
  const samples = figures.seeks?.samples ?? [];
  return { dashboard: spreadOf(samples.map((s) => s.jumpToChartsMs)), bare: spreadOf(figures.bareSeekFramesMs) };
}

export function storyMetrics(figures: StoryFigures, floors: Floors): BenchMetric[] {
  const events = figures.eventCount;
  const targets = TARGETS_BY_STORY.get(events) ?? {};
  const drag = figures.drag ? frameStats(figures.drag.recording) : null;
  const live = figures.live ? frameStats(figures.live.recording) : null;
  const seek = seekFigures(figures);
  return [
    metric(`${label(events)}: usable after navigation`, 'ms', figures.viewerOpen?.usable.usableAtMs ?? null, figures.storyFetch?.loadedMs ?? null, targets.usable),
    metric(`${label(events)}: playhead drag, frame p95`, 'ms', drag?.p95Ms ?? null, floors.drag.p95Ms, targets.dragP95),
    metric(`${label(events)}: playhead drag, longest frame`, 'ms', drag?.maxMs ?? null, floors.drag.maxMs, targets.dragLongest),
    metric(`${label(events)}: seek to all charts updated, p50`, 'ms', seek.dashboard.p50Ms, seek.bare.p50Ms),
    metric(`${label(events)}: seek to all charts updated, max`, 'ms', seek.dashboard.maxMs, seek.bare.maxMs, targets.seekMax),
    metric(`${label(events)}: live release, frame p95`, 'ms', live?.p95Ms ?? null, floors.idle.p95Ms, targets.liveP95),
    metric(`${label(events)}: live release, longest frame`, 'ms', live?.maxMs ?? null, floors.idle.maxMs, targets.liveLongest),
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
    const usable = (f: StoryFigures) => f.viewerOpen?.usable.usableAtMs ?? null;
    rows.push(metric(`scaling ${name}: usable after navigation`, 'ms', usable(larger), usable(smaller), SUB_LINEAR));
    rows.push(metric(`scaling ${name}: drag frame p95`, 'ms', p95(larger, 'drag'), p95(smaller, 'drag'), SUB_LINEAR));
    rows.push(metric(`scaling ${name}: seek to charts p50`, 'ms', seekFigures(larger).dashboard.p50Ms, seekFigures(smaller).dashboard.p50Ms, SUB_LINEAR));
    rows.push(metric(`scaling ${name}: live frame p95`, 'ms', p95(larger, 'live'), p95(smaller, 'live'), SUB_LINEAR));
  }
  return rows;
}
