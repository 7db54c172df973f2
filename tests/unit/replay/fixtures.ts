import type { DatePrecision } from '@/lib/events/precision';
import type { Dated, StoryEvent, StoryTime } from '@/lib/events/schema';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ReplayClock } from '@/lib/replay/playbackMachine';
import type { ReplayMessage, ReplayMessageBody } from '@/lib/replay/replayMessages';
import { ReplayPlayer, type ReplaySettings } from '@/lib/replay/replayPlayer';
import { MessageLog } from '@/lib/replay/messageLog';
import { buildSchedule, type Schedule } from '@/lib/replay/schedule';
import { applyReplayMessage, stateFromSnapshot, type StreamState } from '@/lib/replay/streamReducer';

// ---------------------------------------------------------------------------------------------------------------
// Story events
// ---------------------------------------------------------------------------------------------------------------

export const point = (date: string, precision: DatePrecision): StoryTime => ({ kind: 'point', date, precision, asWritten: 'as written' });
export const dated = (date: string, precision: DatePrecision = 'day'): Dated => ({ date, precision });
export const endOnly = (date: string, precision: DatePrecision = 'day'): StoryTime => ({ kind: 'range', end: dated(date, precision), asWritten: 'by then' });
export const range = (start: Dated | undefined, end: Dated | undefined): StoryTime => ({
  kind: 'range',
  ...(start && { start }),
  ...(end && { end }),
  asWritten: 'between',
});

/** A minimal valid event with the given id and time. */
export function makeEvent(id: string, time: StoryTime): StoryEvent {
  return {
    id,
    type: 'statement',
    title: `Event ${id}`,
    summary: `Summary of ${id}`,
    time,
    actors: [],
    quote: { text: 'x', start: 0, end: 1 },
    attribution: 'a test',
    importance: 2,
    tags: [],
  };
}

/** UTC midnight of a day in 2025 (month is 1-based here, for readability). */
export const utc = (year: number, month1: number, day: number, hour = 0): number => Date.UTC(year, month1 - 1, day, hour);

export const DAY_MS = 86_400_000;

/**
 * The test story, in story order:
 * - a year-precision event in 2021 (a four-year quiet gap follows),
 * - day events on 7, 8 and 10 April 2025,
 * - on 14 April a day event and a week-precision event (tie: the narrower day event first),
 * - an end-only range "on or before 17 April",
 * - a day event on 18 April.
 * The story's span ends with the week of 14 April: 21 April 2025.
 */
export const STORY: readonly StoryEvent[] = [
  makeEvent('covenant-signed', point('2021-01-01', 'year')),
  makeEvent('border-clash', point('2025-04-07', 'day')),
  makeEvent('ceasefire-call', point('2025-04-08', 'day')),
  makeEvent('envoy-visit', point('2025-04-10', 'day')),
  makeEvent('talks-open', point('2025-04-14', 'day')),
  makeEvent('strike-wave', point('2025-04-14', 'week')),
  makeEvent('aid-claim', endOnly('2025-04-17')),
  makeEvent('final-statement', point('2025-04-18', 'day')),
];

export const IDS = STORY.map((e) => e.id);

export const A = {
  covenant: utc(2021, 1, 1),
  clash: utc(2025, 4, 7),
  ceasefire: utc(2025, 4, 8),
  envoy: utc(2025, 4, 10),
  talks: utc(2025, 4, 14),
  aid: utc(2025, 4, 17),
  final: utc(2025, 4, 18),
  end: utc(2025, 4, 21),
} as const;

/** 1 day per 10 s. */
export const DAY_PER_10S = 8_640;
export const MAX_GAP_WALL_MS = 60_000;

/**
 * Wall offsets (ms from the start of the replay) at which each boundary is reached at 1 day per 10 s with a 60 s
 * gap cap: the 2021 → 2025 gap takes 60 s, every day 10 s.
 */
export const WALL = {
  covenant: 0,
  clash: 60_000,
  ceasefire: 70_000,
  envoy: 90_000,
  talks: 130_000,
  aid: 160_000,
  final: 170_000,
  end: 200_000,
} as const;

/** An arbitrary wall-clock origin for the ManualClock (a realistic epoch instant, not 0). */
export const WALL0 = Date.UTC(2030, 0, 1, 9, 0, 0);

export const DEFAULT_SETTINGS: ReplaySettings = {
  storySecondsPerSecond: DAY_PER_10S,
  maxGapWallMs: MAX_GAP_WALL_MS,
  loop: false,
  loopHoldWallMs: 5_000,
  autoplay: true,
};

// ---------------------------------------------------------------------------------------------------------------
// A player wired to a ManualClock and a MessageLog, as a room would wire it
// ---------------------------------------------------------------------------------------------------------------

export interface Emission {
  /** Wall time (clock.now()) when the player emitted the message. */
  atMs: number;
  /** The player's playhead (player.position()) when it emitted the message. */
  positionMs: number;
  /** The player's clock state when it emitted the message (for an event: the clock it was released under). */
  clock: ReplayClock;
  message: ReplayMessage;
  /** For a jump: the ids of the events released at its target, in story order. */
  releasedIds: string[];
}

export interface Harness {
  schedule: Schedule;
  clock: ManualClock;
  player: ReplayPlayer;
  log: MessageLog<ReplayMessageBody>;
  /** What the player emitted, numbered by the log (the initial jump is not included). */
  emissions: Emission[];
  /** Every logged message from the first (the replay's initial jump) on (needs an unlimited retention). */
  messages(): ReplayMessage[];
  /** Emissions since the last call to `take`. */
  take(): Emission[];
  /** Wall time since the replay was created. */
  elapsed(): number;
  /** Moves the clock to `offsetMs` after the replay was created. */
  advanceTo(offsetMs: number): void;
}

export function startReplay(
  settings: Partial<ReplaySettings> = {},
  events: readonly StoryEvent[] = STORY,
  { wall0 = WALL0, retentionWallMs = Number.POSITIVE_INFINITY }: { wall0?: number; retentionWallMs?: number } = {},
): Harness {
  const schedule = buildSchedule(events);
  const clock = new ManualClock(wall0);
  const log = new MessageLog<ReplayMessageBody>(retentionWallMs);
  const emissions: Emission[] = [];
  let taken = 0;
  const player: ReplayPlayer = new ReplayPlayer(schedule, clock, { ...DEFAULT_SETTINGS, ...settings }, (body) => {
    const releasedIds = body.kind === 'jump' ? schedule.events.slice(0, body.released).map((e) => e.id) : [];
    emissions.push({ atMs: clock.now(), positionMs: player.position(), clock: player.clockState, message: log.append(body, clock.now()), releasedIds });
  });
  // The log starts with a jump to where the replay starts, so that the log alone rebuilds the state.
  const start = player.snapshot();
  log.append({ kind: 'jump', clock: start.clock, released: start.released }, clock.now());
  return {
    schedule,
    clock,
    player,
    log,
    emissions,
    messages() {
      const resumed = log.since(0, clock.now());
      if (resumed.kind !== 'messages') throw new Error('the test log lost messages');
      return resumed.messages;
    },
    take() {
      const fresh = emissions.slice(taken);
      taken = emissions.length;
      return fresh;
    },
    elapsed: () => clock.now() - wall0,
    advanceTo(offsetMs) {
      clock.advanceTo(wall0 + offsetMs);
    },
  };
}

/**
 * Folds messages through the reducer, failing on anything but 'applied'. Without a state to start from, the first
 * message must be a jump (the log's first message): it sets the whole state but the presentation, as a snapshot would.
 */
export function fold(messages: readonly ReplayMessage[], from?: StreamState): StreamState | undefined {
  let state = from;
  const [first] = messages;
  if (!state && first?.kind === 'jump') {
    state = stateFromSnapshot({ seq: first.seq - 1, clock: first.clock, released: 0 });
  }
  for (const message of messages) {
    const result = applyReplayMessage(state, message);
    if (result.status !== 'applied') throw new Error(`message seq ${message.seq} (${message.kind}) was ${result.status} at state seq ${state?.seq}`);
    state = result.state;
  }
  return state;
}

/** A compact view of an emission for exact comparisons. */
export function describeEmission(e: Emission): string {
  const m = e.message;
  switch (m.kind) {
    case 'event':
      return `+${e.atMs - WALL0} #${m.seq} event ${m.event.id}`;
    case 'clock':
      return `+${e.atMs - WALL0} #${m.seq} clock ${m.clock.status} ${m.clock.storySecondsPerSecond}/s @${new Date(m.clock.positionMs).toISOString()}`;
    case 'jump':
      return `+${e.atMs - WALL0} #${m.seq} jump ${m.clock.status} ${m.clock.storySecondsPerSecond}/s @${new Date(m.clock.positionMs).toISOString()} [${e.releasedIds.join(',')}]`;
    case 'presentation':
      return `+${e.atMs - WALL0} #${m.seq} presentation ${m.presentation.chart} event=${m.presentation.eventId ?? '-'} moment=${m.presentation.momentId ?? '-'}${m.presentation.blank ? ' blank' : ''}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32)
// ---------------------------------------------------------------------------------------------------------------

export { seededRandom as mulberry32 } from '@/lib/synthetic/random';
