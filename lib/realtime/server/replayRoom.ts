import type { Story } from '../../events/checkStory';
import type { Clock } from '../../replay/clock';
import { MessageLog, type ResumeResult } from '../../replay/messageLog';
import type { ReplayMessage, ReplayMessageBody } from '../../replay/replayMessages';
import { ReplayPlayer, type ReplaySettings } from '../../replay/replayPlayer';
import { buildSchedule, type Schedule } from '../../replay/schedule';
import type { ControlAck } from '../protocol';
import { matchesDigest } from './presenterKeys';
import type { SavedRoomState } from './roomPersistence';
import type { RoomCommand, RoomStanding, ServedRoom } from './servedRoom';

/** How many recent command ids a room remembers, so a retried command is applied once. */
const REMEMBERED_COMMANDS = 256;

export interface ReplayRoomOptions {
  id: string;
  story: Story;
  /** The content version of `story` (lib/storyFiles/storyVersion), named in every snapshot. */
  storyVersion: string;
  clock: Clock;
  settings: ReplaySettings;
  /** SHA-256 digest of the presenter key (see presenterKeys.ts); the key itself is never kept. */
  keyDigest: Buffer;
  /** The epoch of the room's log; a cluster owner starting a new log learns it from its first append (setEpoch). */
  epoch: string;
  /** The seq of the first message (a cluster owner continuing another node's log goes on from its last seq). */
  firstSeq?: number;
  retentionWallMs?: number;
  /** Sends one numbered message to everyone in the room. */
  publish: (room: ReplayRoom, message: ReplayMessage) => void;
}

/** One story replaying with its own clock, its numbered message log, and its presenter key. */
export class ReplayRoom implements ServedRoom {
  readonly id: string;
  readonly scenarioId: string;
  /** The story this room replays, at the version it started with: saving the story again never changes it. */
  readonly story: Story;
  readonly storyVersion: string;
  private currentEpoch: string;
  readonly schedule: Schedule;
  private readonly keyDigest: Buffer;
  private readonly log: MessageLog<ReplayMessageBody>;
  private readonly player: ReplayPlayer;
  private readonly clock: Clock;
  private readonly answeredCommands = new Map<string, ControlAck>();

  constructor(private readonly options: ReplayRoomOptions) {
    this.id = options.id;
    this.scenarioId = options.story.scenario.id;
    this.story = options.story;
    this.storyVersion = options.storyVersion;
    this.currentEpoch = options.epoch;
    this.clock = options.clock;
    this.keyDigest = options.keyDigest;
    this.log = new MessageLog(options.retentionWallMs, undefined, options.firstSeq);
    this.schedule = buildSchedule(options.story.events);
    this.player = new ReplayPlayer(this.schedule, options.clock, options.settings, (body) => {
      options.publish(this, this.log.append(body, this.clock.now()));
    });
  }

  get replay(): ReplayRoom {
    return this;
  }

  get epoch(): string {
    return this.currentEpoch;
  }

  /** A cluster owner that started a new log takes the epoch its first append was given. */
  setEpoch(epoch: string): void {
    this.currentEpoch = epoch;
  }

  /** The state a joining client starts from: the clock, how many events are released, and the latest seq. */
  snapshot() {
    return { seq: this.log.lastSeq, ...this.player.snapshot() };
  }

  standing(): RoomStanding {
    return { epoch: this.currentEpoch, ...this.snapshot() };
  }

  /** Where the room stands after the last message it emitted, without releasing anything due (a cluster head). */
  emittedStanding(): RoomStanding {
    return {
      seq: this.log.lastSeq,
      epoch: this.currentEpoch,
      clock: this.player.clockState,
      released: this.player.releasedCount,
      presentation: this.player.currentPresentation,
    };
  }

  /** Publishes the clock as it stands (a new cluster owner's first message, which opens its log). */
  announceClock(): void {
    this.options.publish(this, this.log.append({ kind: 'clock', clock: this.player.clockState }, this.clock.now()));
  }

  isPresenterKey(candidate: string): boolean {
    return matchesDigest(candidate, this.keyDigest);
  }

  control(command: RoomCommand, commandId?: string): ControlAck {
    const earlier = commandId === undefined ? undefined : this.answeredCommands.get(commandId);
    if (earlier) return earlier;
    const result = command.type === 'present' ? this.player.present(command.presentation) : this.player.command(command);
    const ack: ControlAck = result.ok ? { ok: true, seq: this.log.lastSeq } : { ok: false, error: result.error };
    if (commandId !== undefined) {
      this.answeredCommands.set(commandId, ack);
      if (this.answeredCommands.size > REMEMBERED_COMMANDS) {
        const oldest = this.answeredCommands.keys().next().value;
        if (oldest !== undefined) this.answeredCommands.delete(oldest);
      }
    }
    return ack;
  }

  /** Every message after `lastSeq` while the log still holds them, or a gap (also for another epoch's seq). */
  resume(lastSeq: number, epoch?: string): ResumeResult<ReplayMessageBody> {
    if (epoch !== undefined && epoch !== this.currentEpoch) return { kind: 'gap' };
    return this.log.since(lastSeq, this.clock.now());
  }

  /** Where the room stands and what it shows, to be saved for a restart. */
  savedState(): SavedRoomState {
    return {
      positionMs: this.player.position(),
      storySecondsPerSecond: this.player.clockState.storySecondsPerSecond,
      presentation: this.player.currentPresentation,
      status: this.player.clockState.status,
    };
  }

  /** Whether the playhead moves on its own (a checkpoint saves only such rooms). */
  get playing(): boolean {
    return this.player.clockState.status === 'playing';
  }

  /** The key digest, for persistence. */
  get presenterKeyDigest(): Buffer {
    return this.keyDigest;
  }

  get lastSeq(): number {
    return this.log.lastSeq;
  }

  dispose(): void {
    this.player.dispose();
  }
}
