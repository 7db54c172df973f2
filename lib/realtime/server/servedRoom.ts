import type { Story } from '../../events/checkStory';
import type { ResumeResult } from '../../replay/messageLog';
import type { ReplayClock, ReplayCommand } from '../../replay/playbackMachine';
import type { Presentation } from '../../replay/presentation';
import type { ReplayMessageBody } from '../../replay/replayMessages';
import type { ControlAck } from '../protocol';
import type { ReplayRoom } from './replayRoom';

export type PresentCommand = { type: 'present'; presentation: Presentation };
export type RoomCommand = ReplayCommand | PresentCommand;

/** Where a room stands: what a joining client's snapshot carries. */
export interface RoomStanding {
  seq: number;
  epoch: string;
  clock: ReplayClock;
  released: number;
  presentation: Presentation;
}

type Awaitable<T> = T | Promise<T>;

/**
 * What the handlers, the handshake and the API need of a room, whether its clock runs in this process (ReplayRoom)
 * or on another node of a cluster (FollowerRoom). Every method may reject when the shared state cannot be reached.
 */
export interface ServedRoom {
  readonly id: string;
  readonly scenarioId: string;
  /** The story this room replays, at the version it started with. */
  readonly story: Story;
  readonly storyVersion: string;
  /** The clock, when it runs in this process (on a single node always; in a cluster on the room's owner). */
  readonly replay?: ReplayRoom;
  isPresenterKey(candidate: string): boolean;
  standing(): Awaitable<RoomStanding>;
  /** Every message after `lastSeq` of the log with `epoch` (the current one when undefined), or a gap. */
  resume(lastSeq: number, epoch: string | undefined): Awaitable<ResumeResult<ReplayMessageBody>>;
  /** Applies a presenter's command (once per `commandId`) and answers with the room's seq after it. */
  control(command: RoomCommand, commandId?: string): Awaitable<ControlAck>;
  dispose(): void;
}
