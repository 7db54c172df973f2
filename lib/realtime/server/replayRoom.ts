import type { Story } from '../../events/checkStory';
import type { Clock } from '../../replay/clock';
import { MessageLog, type ResumeResult } from '../../replay/messageLog';
import type { Presentation } from '../../replay/presentation';
import type { ReplayCommand } from '../../replay/playbackMachine';
import type { ReplayMessage, ReplayMessageBody } from '../../replay/replayMessages';
import { ReplayPlayer, type ReplaySettings } from '../../replay/replayPlayer';
import { buildSchedule, type Schedule } from '../../replay/schedule';
import type { ControlAck } from '../protocol';
import { matchesDigest } from './presenterKeys';
import type { SavedRoomState } from './roomPersistence';

export type PresentCommand = { type: 'present'; presentation: Presentation };

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
  epoch: string;
  retentionWallMs?: number;
  /** Sends one numbered message to everyone in the room. */
  publish: (room: ReplayRoom, message: ReplayMessage) => void;
}

/** One story replaying with its own clock, its numbered message log, and its presenter key. */
export class ReplayRoom {
  readonly id: string;
  readonly scenarioId: string;
  /** The story this room replays, at the version it started with: saving the story again never changes it. */
  readonly story: Story;
  readonly storyVersion: string;
  readonly epoch: string;
  readonly schedule: Schedule;
  private readonly keyDigest: Buffer;
  private readonly log: MessageLog<ReplayMessageBody>;
  private readonly player: ReplayPlayer;
  private readonly clock: Clock;
  private readonly answeredCommands = new Map<string, ControlAck>();

  constructor(options: ReplayRoomOptions) {
    this.id = options.id;
    this.scenarioId = options.story.scenario.id;
    this.story = options.story;
    this.storyVersion = options.storyVersion;
    this.epoch = options.epoch;
    this.clock = options.clock;
    this.keyDigest = options.keyDigest;
    this.log = new MessageLog(options.retentionWallMs);
    this.schedule = buildSchedule(options.story.events);
    this.player = new ReplayPlayer(this.schedule, options.clock, options.settings, (body) => {
      options.publish(this, this.log.append(body, this.clock.now()));
    });
  }

  /** The state a joining client starts from: the clock, how many events are released, and the latest seq. */
  snapshot() {
    return { seq: this.log.lastSeq, ...this.player.snapshot() };
  }

  isPresenterKey(candidate: string): boolean {
    return matchesDigest(candidate, this.keyDigest);
  }

  control(command: ReplayCommand | PresentCommand, commandId?: string): ControlAck {
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

  /** Every message after `lastSeq` while the log still holds them, or a gap. */
  resume(lastSeq: number): ResumeResult<ReplayMessageBody> {
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
