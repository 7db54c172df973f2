/**
 * Part "scrub": a presenter scrubbing (about 9 seeks a second for 3 s) in front of N viewers, on the generator's
 * 1,000-, 10,000- and 100,000-event stories, a room per story. Figures: the bytes each viewer receives per seek,
 * and the time from the last seek to every viewer standing on the final position, against a bare Socket.IO server
 * broadcasting the same messages, at the same cadence, to as many viewers (measured in alternating rounds).
 */
import path from 'node:path';
import type { Schedule } from '@/lib/replay/schedule';
import { atMost, EXACTLY_ZERO, metric, ratioAtMost, type BenchContext, type BenchMetric, type BenchPart } from '../core/benchResult';
import { loadAverageOneMinute } from '../core/machineLoad';
import { loadStory } from '../core/releasePlan';
import { CLIENT_PROCESSES } from '../fanout/clientFleet';
import { serverMetrics, seriesFigures, type SeriesFigures } from '../jumps/jumpFigures';
import { alternateWindows, openRoomWithViewers, startJumpServers, type JumpServers, type RoomUnderTest, type RoundPair } from '../jumps/jumpRooms';
import type { JumpCadence } from '../jumps/jumpWindow';
import { storyIdFor, writeStories } from '../ui/uiServer';
import { finalPositionAfterSeek, scrubTargetsMs } from './scrubPlan';

const EVENT_COUNTS = [1_000, 10_000, 100_000];
const QUICK_EVENT_COUNTS = [1_000, 10_000];
const VIEWERS = 1_000;
const QUICK_VIEWERS = 200;
const ROUNDS = 5;
const QUICK_ROUNDS = 1;
const SEEKS_PER_SECOND = 9;
const SCRUB_WALL_MS = 3_000;
const CADENCE: JumpCadence = {
  count: Math.round((SEEKS_PER_SECOND * SCRUB_WALL_MS) / 1_000),
  intervalMs: 1_000 / SEEKS_PER_SECOND,
  measure: 'last',
};
const BYTES_PER_SEEK_LIMIT = 2_048;
const FINAL_POSITION_RATIO_LIMIT = 1.2;

interface StoryScrub {
  events: number;
  sitrep: SeriesFigures;
  bare: SeriesFigures;
  sitrepViewers: number;
  bareViewers: number;
  /** Sitrep windows whose final broadcast did not stand where the last seek asked (playhead or released count). */
  wrongFinalWindows: number;
  rounds: number;
}

/** Whether the presenter's copy of the last broadcast stands where the last seek asked. */
function finalBroadcastCorrect(pair: RoundPair, schedule: Schedule, room: RoomUnderTest, lastTargetMs: number): boolean {
  const last = pair.sitrep.sent.at(-1);
  const payload = last === undefined ? undefined : room.presenter.jumps.get(last.seq);
  const expected = finalPositionAfterSeek(schedule, lastTargetMs);
  return payload !== undefined && payload.clock.positionMs === expected.positionMs && payload.released === expected.released;
}

async function scrubStory(context: BenchContext, servers: JumpServers, schedule: Schedule, events: number): Promise<StoryScrub> {
  const viewers = context.quick ? QUICK_VIEWERS : VIEWERS;
  const rounds = context.quick ? QUICK_ROUNDS : ROUNDS;
  const targetsMs = scrubTargetsMs(schedule.startMs, schedule.endMs, CADENCE.count);
  const lastTargetMs = targetsMs.at(-1) as number;
  const room = await openRoomWithViewers(servers, storyIdFor(events), viewers);
  try {
    const pairs = await alternateWindows(servers, room, rounds, CADENCE, (index) => ({
      type: 'seek',
      to: new Date(targetsMs[index] as number).toISOString(),
    }));
    return {
      events,
      sitrep: seriesFigures(pairs.map((p) => p.sitrep), room.sitrepViewers.connected),
      bare: seriesFigures(pairs.map((p) => p.bare), room.bareViewers.connected),
      sitrepViewers: room.sitrepViewers.connected,
      bareViewers: room.bareViewers.connected,
      wrongFinalWindows: pairs.filter((pair) => !finalBroadcastCorrect(pair, schedule, room, lastTargetMs)).length,
      rounds,
    };
  } finally {
    await room.close();
  }
}

function metricsFor(s: StoryScrub): BenchMetric[] {
  const label = `${s.events.toLocaleString('en-GB')} events`;
  const notOnFinal = s.sitrep.missing + s.wrongFinalWindows * s.sitrepViewers;
  return [
    metric(`${label}: bytes per viewer per seek`, 'bytes', s.sitrep.bytesPerViewerPerJump, s.bare.bytesPerViewerPerJump, atMost(BYTES_PER_SEEK_LIMIT, 'bytes')),
    metric(`${label}: last seek → every viewer on the final position`, 'ms', s.sitrep.maxMs, s.bare.maxMs, ratioAtMost(FINAL_POSITION_RATIO_LIMIT)),
    metric(`${label}: last seek → final position, p50 of viewers`, 'ms', s.sitrep.p50Ms, s.bare.p50Ms),
    metric(`${label}: viewers not on the final position`, 'count', notOnFinal, s.bare.missing, EXACTLY_ZERO),
  ];
}

function notesFor(s: StoryScrub): string {
  const rounds = (f: SeriesFigures) => f.windowMaxMs.map((ms) => ms.toFixed(0)).join(', ');
  const problems = [
    s.wrongFinalWindows > 0 ? `${s.wrongFinalWindows} Sitrep window(s) ended on a broadcast that was not the last seek's position` : '',
    s.sitrep.disconnected + s.bare.disconnected > 0 ? `${s.sitrep.disconnected} Sitrep and ${s.bare.disconnected} bare viewers disconnected` : '',
  ].filter(Boolean);
  return (
    `${s.events.toLocaleString('en-GB')} events: ${s.sitrepViewers} Sitrep and ${s.bareViewers} bare viewers; ${s.rounds} round(s); ` +
    `first to last seek ${(s.sitrep.sendSpanMs / 1_000).toFixed(2)} s (bare ${(s.bare.sendSpanMs / 1_000).toFixed(2)} s); ` +
    `every viewer on the final position after (ms, per round) Sitrep ${rounds(s.sitrep)}, bare ${rounds(s.bare)}; ` +
    `frames per viewer per seek ${s.sitrep.framesPerViewerPerJump.toFixed(2)} (bare ${s.bare.framesPerViewerPerJump.toFixed(2)}), ` +
    `${(s.sitrep.bytesPerViewerPerJump / s.sitrep.framesPerViewerPerJump).toFixed(0)} bytes a frame; ` +
    `machine ${s.sitrep.machineBusyPercent.toFixed(0)}% / ${s.bare.machineBusyPercent.toFixed(0)}% busy in the Sitrep / bare windows` +
    (problems.length > 0 ? `; ${problems.join('; ')}` : '')
  );
}

async function measureStory(context: BenchContext, events: number): Promise<{ metrics: BenchMetric[]; note: string }> {
  // A folder and a pair of servers per story: each server's probe then measures one story's windows.
  const eventsDir = writeStories(context.workDir, [events], `scrub-events-${events}`);
  const folder = path.join(eventsDir, storyIdFor(events));
  const { schedule } = await loadStory(folder);
  const servers = await startJumpServers(context, eventsDir, folder);
  try {
    const scrub = await scrubStory(context, servers, schedule, events);
    const label = `${events.toLocaleString('en-GB')} events`;
    const seeks = scrub.rounds * CADENCE.count;
    return { metrics: [...metricsFor(scrub), ...serverMetrics(label, await servers.measured(), seeks)], note: notesFor(scrub) };
  } finally {
    await servers.stop();
  }
}

export const scrubPart: BenchPart = {
  name: 'scrub',
  title: 'Scrub: a presenter seeking 9 times a second in front of N viewers, Sitrep vs bare Socket.IO; 1k / 10k / 100k events',
  needsAppBuild: true,
  async run(context) {
    const metrics: BenchMetric[] = [];
    const notes = [
      `${CADENCE.count} seeks ${CADENCE.intervalMs.toFixed(0)} ms apart (${SEEKS_PER_SECOND}/s for ${SCRUB_WALL_MS / 1_000} s), sweeping each story ` +
        `from start to end; each seek sent at least ${CADENCE.intervalMs.toFixed(0)} ms after the previous one, without waiting for its ` +
        `acknowledgement. Per round one Sitrep and one bare window, alternating which goes first; the bare server relays the payloads of the ` +
        `latest Sitrep window. Figures: bytes over every round; times are the median over rounds. Viewers in ${CLIENT_PROCESSES} processes per ` +
        `server; each server in its own process, a new pair per story.`,
    ];
    for (const events of context.quick ? QUICK_EVENT_COUNTS : EVENT_COUNTS) {
      context.log(`scrub: ${events.toLocaleString('en-GB')} events (load average ${loadAverageOneMinute().toFixed(1)})`);
      try {
        const measured = await measureStory(context, events);
        metrics.push(...measured.metrics);
        notes.push(measured.note);
      } catch (error) {
        // One story failing (e.g. the machine too loaded to answer in time) leaves the others standing.
        const reason = error instanceof Error ? error.message : String(error);
        context.log(`scrub: ${events} events FAILED: ${reason}`);
        const label = `${events.toLocaleString('en-GB')} events`;
        metrics.push(
          metric(`${label}: bytes per viewer per seek`, 'bytes', null, null, atMost(BYTES_PER_SEEK_LIMIT, 'bytes')),
          metric(`${label}: last seek → every viewer on the final position`, 'ms', null, null, ratioAtMost(FINAL_POSITION_RATIO_LIMIT)),
        );
        notes.push(`${events} events: FAILED, no figures (${reason})`);
      }
    }
    notes.push(`load average ${loadAverageOneMinute().toFixed(1)} at the end of the part`);
    return { part: this.name, title: this.title, metrics, notes };
  },
};
