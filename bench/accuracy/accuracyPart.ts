/**
 * Part 2, release accuracy: how late each release is against its scheduled instant, inside a process that does
 * nothing else, for Sitrep's ReplayRoom and for a bare setTimeout scheduler releasing at the same instants.
 * Two phases run side by side, each scheduler in its own process: a dense replay (the generator's 10,000-event
 * story in two minutes) and a real-time (1×) replay whose every gap is a long timer.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIN_STORY_SECONDS_PER_SECOND } from '@/lib/replay/rates';
import { serverConfigFromEnv } from '@/lib/server/config';
import { atMost, metric, within, type BenchContext, type BenchMetric, type BenchPart } from '../core/benchResult';
import { BenchChild } from '../core/benchChild';
import { loadStory, rateForStoryWall } from '../core/releasePlan';
import { generatedStory, writeStoryFolder } from '../stories/syntheticStories';
import { readySchema, samplesReplySchema, SCHEDULERS, type ScheduleCommand } from './accuracyMessages';
import { summarizeLateness, type LatenessSummary } from './latenessStats';

const STORY_EVENTS = 10_000;
const STORY_SEED = 1;
const DENSE_PHASE_WALL_MS = 120_000;
const QUICK_DENSE_PHASE_WALL_MS = 30_000;
/** In the 1× phase every gap between two release instants is capped to this, so each release waits this long. */
const LONG_GAP_WALL_MS = 15_000;
const QUICK_LONG_GAP_WALL_MS = 5_000;
const START_LEAD_MS = 2_000;
const P99_TARGET_MS = 5;
const DRIFT_TARGET_MS_PER_MINUTE = 0.1;
/** Date.now() ticks in whole milliseconds: "not worse" allows one tick. */
const CLOCK_RESOLUTION_MS = 1;

interface Phase {
  name: string;
  storySecondsPerSecond: number;
  maxGapWallMs: number;
}

async function runPhases(context: BenchContext, folder: string, phases: Phase[], durationWallMs: number) {
  const jobs = phases.flatMap((phase) => SCHEDULERS.map((scheduler) => ({ phase, scheduler })));
  const children = jobs.map((job) => new BenchChild(`${job.phase.name} ${job.scheduler}`, path.join(import.meta.dirname, 'schedulerProcess.ts')));
  try {
    await Promise.all(children.map((child) => child.receive(readySchema, 60_000)));
    const startAtMs = Date.now() + START_LEAD_MS;
    context.log(`accuracy: ${jobs.length} schedulers for ${durationWallMs / 1_000} s`);
    const samples = await Promise.all(
      children.map((child, i) => {
        const { phase, scheduler } = jobs[i] as (typeof jobs)[number];
        const command: ScheduleCommand = { type: 'run', scheduler, storyFolder: folder, ...phase, startAtMs, durationWallMs };
        return child.request(command, samplesReplySchema, durationWallMs + 60_000);
      }),
    );
    return jobs.map((job, i) => ({ ...job, samples: samples[i] as (typeof samples)[number] }));
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

function denseMetrics(sitrep: LatenessSummary, baseline: LatenessSummary): BenchMetric[] {
  return [
    metric('dense: lateness p50', 'ms', sitrep.p50Ms, baseline.p50Ms),
    metric('dense: lateness mean', 'ms', sitrep.meanMs, baseline.meanMs),
    metric('dense: lateness p99', 'ms', sitrep.p99Ms, baseline.p99Ms, atMost(P99_TARGET_MS, 'ms')),
    metric('dense: lateness max', 'ms', sitrep.maxMs, baseline.maxMs),
    metric('dense: drift (lateness slope)', 'ms/min', sitrep.driftMsPerMinute, baseline.driftMsPerMinute, within(DRIFT_TARGET_MS_PER_MINUTE, 'ms/min')),
    metric('dense: instant lateness p99, first minute', 'ms', sitrep.firstMinuteP99Ms, baseline.firstMinuteP99Ms),
    metric('dense: instant lateness p99, last minute', 'ms', sitrep.lastMinuteP99Ms, baseline.lastMinuteP99Ms, {
      target: `≤ first minute + ${CLOCK_RESOLUTION_MS} ms`,
      pass: (last) => last <= sitrep.firstMinuteP99Ms + CLOCK_RESOLUTION_MS,
    }),
  ];
}

export const accuracyPart: BenchPart = {
  name: 'accuracy',
  title: 'Release accuracy: lateness against the scheduled instant, Sitrep vs setTimeout',
  async run(context) {
    const denseWallMs = context.quick ? QUICK_DENSE_PHASE_WALL_MS : DENSE_PHASE_WALL_MS;
    const longGapWallMs = context.quick ? QUICK_LONG_GAP_WALL_MS : LONG_GAP_WALL_MS;
    const eventsDir = path.join(context.workDir, 'accuracy-events');
    mkdirSync(eventsDir, { recursive: true });
    const folder = writeStoryFolder(eventsDir, generatedStory(STORY_EVENTS, STORY_SEED));
    const { schedule } = await loadStory(folder);
    const { maxGapWallMs } = serverConfigFromEnv({});
    const phases: Phase[] = [
      { name: 'dense', storySecondsPerSecond: rateForStoryWall(schedule, denseWallMs, maxGapWallMs), maxGapWallMs },
      { name: 'long gaps', storySecondsPerSecond: MIN_STORY_SECONDS_PER_SECOND, maxGapWallMs: longGapWallMs },
    ];
    const runs = await runPhases(context, folder, phases, denseWallMs);
    const summary = (phase: string, scheduler: string) => {
      const run = runs.find((r) => r.phase.name === phase && r.scheduler === scheduler);
      if (!run) throw new Error(`no ${phase} ${scheduler} run`);
      return { summary: summarizeLateness(run.samples), unplanned: run.samples.unplanned };
    };
    const dense = { sitrep: summary('dense', 'sitrep'), baseline: summary('dense', 'baseline') };
    const gaps = { sitrep: summary('long gaps', 'sitrep'), baseline: summary('long gaps', 'baseline') };
    const metrics = [
      ...denseMetrics(dense.sitrep.summary, dense.baseline.summary),
      metric(`1×, ${longGapWallMs / 1_000} s gaps: lateness p99`, 'ms', gaps.sitrep.summary.p99Ms, gaps.baseline.summary.p99Ms, atMost(P99_TARGET_MS, 'ms')),
      metric(`1×, ${longGapWallMs / 1_000} s gaps: instant lateness max`, 'ms', gaps.sitrep.summary.instantMaxMs, gaps.baseline.summary.instantMaxMs),
    ];
    const notes = [
      `Story synthetic-${STORY_EVENTS}-seed-${STORY_SEED} (${schedule.events.length} events on ${schedule.boundariesMs.length - 1} distinct release instants). ` +
        `Dense phase: rate ${phases[0]?.storySecondsPerSecond.toFixed(0)} story s/s plays it in ${denseWallMs / 1_000} s; ` +
        `${dense.sitrep.summary.releases} events on ${dense.sitrep.summary.instants} instants measured for Sitrep, ` +
        `${dense.baseline.summary.releases} on ${dense.baseline.summary.instants} for the baseline.`,
      `1× phase: real time with gaps capped at ${longGapWallMs / 1_000} s, side by side with the dense phase (own processes); ` +
        `${gaps.sitrep.summary.releases} events on ${gaps.sitrep.summary.instants} instants measured for Sitrep, ` +
        `${gaps.baseline.summary.releases} on ${gaps.baseline.summary.instants} for the baseline.`,
      'Lateness = Date.now() at release − scheduled instant, on the clock the server uses; Date.now() ticks in whole ms, so a release ' +
        'cannot be seen before the tick after its instant (up to 1 ms). "Instant lateness" is the first event of each release instant: ' +
        'the timer itself, without the burst queued behind it.' +
        (dense.sitrep.unplanned + gaps.sitrep.unplanned > 0 ? ` ${dense.sitrep.unplanned + gaps.sitrep.unplanned} Sitrep releases were not in the plan.` : ''),
    ];
    return { part: this.name, title: this.title, metrics, notes };
  },
};
