/**
 * Child process: releases a story's events on the real clock (lib/server/systemClock: Date.now() and Node timers)
 * and records how late each release is against its scheduled instant. `sitrep` is the server's ReplayRoom (the
 * ReplayPlayer with its message log) with an instrumented publish; `baseline` is a plain setTimeout scheduler.
 */
import { z } from 'zod';
import { keyDigest, newPresenterKey } from '@/lib/realtime/server/presenterKeys';
import { ReplayRoom } from '@/lib/realtime/server/replayRoom';
import { createSystemClock } from '@/lib/server/systemClock';
import { sendToParent, serveParent, untilEpoch } from '../core/parentLink';
import { loadStory, plannedReleases } from '../core/releasePlan';
import { releaseAtInstants } from '../core/timeoutScheduler';
import { scheduleCommandSchema, type ScheduleCommand } from './accuracyMessages';

/** Kept after the last planned release so that a late one is still recorded. */
const TAIL_WALL_MS = 1_000;
/** Unused by a non-looping replay; required by ReplaySettings. */
const LOOP_HOLD_WALL_MS = 10_000;

class LatenessRecorder {
  readonly elapsedMs: number[] = [];
  readonly latenessMs: number[] = [];
  unplanned = 0;
  constructor(private readonly startMs: number) {}

  record(scheduledMs: number | undefined, releasedMs: number): void {
    if (scheduledMs === undefined) {
      this.unplanned++;
      return;
    }
    this.elapsedMs.push(scheduledMs - this.startMs);
    this.latenessMs.push(releasedMs - scheduledMs);
  }
}

async function runScheduler(command: ScheduleCommand): Promise<LatenessRecorder> {
  const { story, schedule } = await loadStory(command.storyFolder);
  const rate = { storySecondsPerSecond: command.storySecondsPerSecond, maxGapWallMs: command.maxGapWallMs };
  const clock = createSystemClock();
  await untilEpoch(command.startAtMs);
  let recorder = new LatenessRecorder(clock.now());
  let stop: () => void;
  if (command.scheduler === 'sitrep') {
    const scheduledMs = new Map<string, number>();
    const room = new ReplayRoom({
      id: 'bench',
      story,
      clock,
      settings: { ...rate, loop: false, loopHoldWallMs: LOOP_HOLD_WALL_MS, autoplay: true },
      keyDigest: keyDigest(newPresenterKey()),
      epoch: 'bench',
      storyVersion: 'bench',
      publish: (_room, message) => {
        if (message.kind === 'event') recorder.record(scheduledMs.get(message.event.id), clock.now());
      },
    });
    // Playing since construction: release i is due at clock.wallMs + wall time from clock.positionMs to its anchor.
    const { clock: playing } = room.snapshot();
    recorder = new LatenessRecorder(playing.wallMs);
    for (const release of plannedReleases(schedule, playing, playing.positionMs)) scheduledMs.set(release.eventId, playing.wallMs + release.offsetMs);
    stop = () => room.dispose();
  } else {
    const startMs = clock.now();
    recorder = new LatenessRecorder(startMs);
    const items = plannedReleases(schedule, rate, schedule.startMs).map((release) => ({ atMs: startMs + release.offsetMs, item: release }));
    stop = releaseAtInstants(items, (_release, atMs) => recorder.record(atMs, clock.now())).stop;
  }
  await new Promise((resolve) => setTimeout(resolve, command.durationWallMs + TAIL_WALL_MS));
  stop();
  return recorder;
}

serveParent(z.union([scheduleCommandSchema, z.object({ type: z.literal('close') })]), async (command) => {
  if (command.type === 'close') process.exit(0);
  const recorder = await runScheduler(command);
  const keep = recorder.elapsedMs.map((elapsed) => elapsed <= command.durationWallMs);
  sendToParent({
    type: 'samples',
    elapsedMs: Float64Array.from(recorder.elapsedMs.filter((_, i) => keep[i])),
    latenessMs: Float64Array.from(recorder.latenessMs.filter((_, i) => keep[i])),
    unplanned: recorder.unplanned,
  });
});
sendToParent({ type: 'ready' });
