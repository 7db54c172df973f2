/** The two servers under load, each in its own process, behind one interface: play, halt, play again, stop. */
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import type { Schedule } from '@/lib/replay/schedule';
import type { PlaybackRate } from '@/lib/replay/timeMap';
import { BenchChild } from '../core/benchChild';
import { plannedReleases } from '../core/releasePlan';
import { haltedReplySchema, playingReplySchema, readyReplySchema, type BarePlayCommand } from './fanoutMessages';
import { openPresentedRoom, pause, play, type PresentedRoom } from './presenter';

/** Loading and checking a 100,000-event story takes a while on a small machine. */
const SERVER_START_TIMEOUT_MS = 180_000;
const COMMAND_TIMEOUT_MS = 30_000;
/** The bare server is told its play instant this far ahead, so the command arrives before it. */
const BARE_START_LEAD_MS = 100;

export type ServerKind = 'sitrep' | 'bare';

export interface StoryUnderTest {
  folder: string;
  eventsDir: string;
  scenarioId: string;
  schedule: Schedule;
  storySecondsPerSecond: number;
  maxGapWallMs: number;
}

export interface Playing {
  /** Scheduled release instant (epoch ms) of every event still to be released, by event id. */
  scheduledMs: Map<string, number>;
  playWallMs: number;
  /** Sitrep: the seq of the first event this play will release. */
  firstEventSeq: number;
}

export interface StreamServer {
  kind: ServerKind;
  process: BenchChild;
  url: string;
  /** Sitrep's room id for the clients' handshake; null for the bare server. */
  room: string | null;
  /** Plays from where the replay stands; `firstEventSeq` numbers the bare server's first payload. */
  play(firstEventSeq: number): Promise<Playing>;
  /** Stops releasing (Sitrep: the presenter pauses the room). */
  halt(): Promise<void>;
  stop(): Promise<void>;
}

function scheduledFrom(story: StoryUnderTest, rate: PlaybackRate, fromStoryMs: number, playWallMs: number, playedWallMs = 0): Map<string, number> {
  return new Map(
    plannedReleases(story.schedule, rate, fromStoryMs)
      .filter((release) => release.offsetMs > playedWallMs)
      .map((release) => [release.eventId, playWallMs + release.offsetMs - playedWallMs]),
  );
}

export interface ServerProcess {
  child: BenchChild;
  url: string;
}

/**
 * The real Sitrep server (sitrepServerProcess.ts) serving the stories of `eventsDir`, with a fresh data folder;
 * `settings` are more SITREP_* variables.
 */
export async function startSitrepProcess(eventsDir: string, repoRoot: string, workDir: string, settings: Record<string, string> = {}): Promise<ServerProcess> {
  const child = new BenchChild('sitrep server', path.join(import.meta.dirname, 'sitrepServerProcess.ts'), {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    BENCH_REPO_ROOT: repoRoot,
    BENCH_EVENTS_DIR: eventsDir,
    BENCH_DATA_DIR: mkdtempSync(path.join(workDir, 'sitrep-data-')),
    BENCH_SITREP_SETTINGS: JSON.stringify(settings),
  });
  const { url } = await child.receive(readyReplySchema, SERVER_START_TIMEOUT_MS);
  return { child, url };
}

/** The bare Socket.IO server (bareServerProcess.ts), its replay planned from the story in `storyFolder`. */
export async function startBareProcess(storyFolder: string): Promise<ServerProcess> {
  const child = new BenchChild('bare server', path.join(import.meta.dirname, 'bareServerProcess.ts'), { BENCH_STORY_FOLDER: storyFolder });
  const { url } = await child.receive(readyReplySchema, SERVER_START_TIMEOUT_MS);
  return { child, url };
}

/** Plays a presented Sitrep room from where it stands: when each of the story's remaining events is due. */
export async function playPresentedRoom(story: StoryUnderTest, room: PresentedRoom): Promise<Playing> {
  const { clock, playSeq } = await play(room);
  // The room's own clock: an event is due at clock.wallMs + the wall time from clock.positionMs to its anchor.
  return { scheduledMs: scheduledFrom(story, clock, clock.positionMs, clock.wallMs), playWallMs: clock.wallMs, firstEventSeq: playSeq + 1 };
}

export async function startSitrepServer(story: StoryUnderTest, repoRoot: string, workDir: string): Promise<StreamServer> {
  const { child, url } = await startSitrepProcess(story.eventsDir, repoRoot, workDir);
  const room = await openPresentedRoom(url, story.scenarioId, story.storySecondsPerSecond);
  return {
    kind: 'sitrep',
    process: child,
    url,
    room: room.roomId,
    play: () => playPresentedRoom(story, room),
    halt: () => pause(room),
    async stop() {
      room.socket.disconnect();
      await child.stop();
    },
  };
}

export async function startBareServer(story: StoryUnderTest): Promise<StreamServer> {
  const { child, url } = await startBareProcess(story.folder);
  const rate: PlaybackRate = { storySecondsPerSecond: story.storySecondsPerSecond, maxGapWallMs: story.maxGapWallMs };
  return {
    kind: 'bare',
    process: child,
    url,
    room: null,
    async play(firstEventSeq) {
      const startAtMs = Date.now() + BARE_START_LEAD_MS;
      const command: BarePlayCommand = { type: 'play', ...rate, startAtMs, firstEventSeq };
      const { fromWallMs } = await child.request(command, playingReplySchema, COMMAND_TIMEOUT_MS);
      return { scheduledMs: scheduledFrom(story, rate, story.schedule.startMs, startAtMs, fromWallMs), playWallMs: startAtMs, firstEventSeq };
    },
    async halt() {
      await child.request({ type: 'halt' }, haltedReplySchema, COMMAND_TIMEOUT_MS);
    },
    stop: () => child.stop(),
  };
}
