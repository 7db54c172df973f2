import type { LeaseTiming } from '../../../cluster/leaseKeeperPolicy';
import type { RoomLease } from '../../../cluster/roomLease';
import { acquireAndKeep, type RoomLeaseKeeper } from '../../../cluster/roomLeaseKeeper';
import type { RoomStreamLog } from '../../../cluster/roomStreamLog';
import type { Clock, TimerHandle } from '../../../replay/clock';
import type { ReplayMessage } from '../../../replay/replayMessages';
import type { ReplaySettings } from '../../../replay/replayPlayer';
import type { Logger } from '../../../server/logger';
import { LIVE_ROOM_ID } from '../../protocolVersion';
import type { SitrepIo } from '../attachRealtime';
import type { ReplayRoom } from '../replayRoom';
import type { OwnedRoomStart, RoomHosting, RoomSpec } from '../roomHosting';
import type { RoomPersistence, SavedRoomState } from '../roomPersistence';
import type { ServedRoom } from '../servedRoom';
import { emitReplayMessage, snapshotAt } from '../wireMessages';
import { forwardControl } from './controlForwarding';
import { FollowerRoom } from './followerRoom';
import { OwnedClusterRoom } from './ownedClusterRoom';
import { OwnerPublisher, type LostReason } from './ownerPublisher';

/** How often a node looks for rooms it serves whose clock runs nowhere (its owner died), to take them over. */
export const SUPERVISE_EVERY_WALL_MS = 500;

/** What the hosting needs of the registry: the rooms open here, swapping one, and building a clock for one. */
export interface HostedRooms {
  entries(): Iterable<{ roomId: string; room: ServedRoom; spec: RoomSpec; connections: number }>;
  replace(roomId: string, room: ServedRoom): boolean;
  buildOwned(spec: RoomSpec, start: OwnedRoomStart): ReplayRoom;
}

export interface ClusterHostingOptions {
  nodeId: string;
  io: SitrepIo;
  lease: RoomLease;
  log: RoomStreamLog;
  clock: Clock;
  logger: Logger;
  timing: LeaseTiming;
  /** Where rooms' states are saved: a room whose log is gone starts its new one from there. */
  persistence?: Pick<RoomPersistence, 'load'>;
}

/**
 * How a room whose log is gone (Redis lost its memory) starts a new one: where its state was last saved, playing on
 * if it was playing. Without a saved state (a fresh room) it starts as it was opened.
 */
export function settingsFromSavedState(settings: ReplaySettings, saved: SavedRoomState | null | undefined): ReplaySettings {
  if (!saved) return settings;
  return {
    ...settings,
    storySecondsPerSecond: saved.storySecondsPerSecond,
    autoplay: saved.status === undefined ? settings.autoplay : saved.status !== 'paused',
    resumeFrom: { positionMs: saved.positionMs, presentation: saved.presentation },
  };
}

/**
 * Rooms on several nodes: a room's clock runs on the node holding its lease (OwnedClusterRoom), every other node
 * follows it (FollowerRoom). A node serving screens of a room whose clock runs nowhere — its owner died, or lost Redis —
 * takes the room over within SUPERVISE_EVERY_WALL_MS of the lease running out, from the room's head in Redis, so the
 * replay goes on where the log stood; with no log left (Redis restarted empty) it starts a new one from the room's
 * saved state, and screens get an explicit gap.
 */
export class ClusterHosting implements RoomHosting {
  private rooms: HostedRooms | undefined;
  private readonly owners = new Map<string, { room: OwnedClusterRoom; keeper: RoomLeaseKeeper }>();
  private readonly takingOver = new Set<string>();
  private timer: TimerHandle | undefined;
  private disposed = false;

  constructor(private readonly options: ClusterHostingOptions) {}

  /** Starts supervising the registry's rooms. */
  attach(rooms: HostedRooms): void {
    this.rooms = rooms;
    this.schedule();
  }

  async host(spec: RoomSpec, own: (start: OwnedRoomStart) => ReplayRoom): Promise<ServedRoom> {
    return (await this.tryOwn(spec, own)) ?? this.follower(spec);
  }

  /** The room, if its clock runs on this node. */
  ownedRoom(roomId: string): OwnedClusterRoom | undefined {
    return this.owners.get(roomId)?.room;
  }

  async closed(roomId: string): Promise<void> {
    const owner = this.owners.get(roomId);
    if (!owner) return;
    this.owners.delete(roomId);
    // Given up at once (not left to run out): another node may take the room without waiting.
    await owner.keeper.release().catch((error: unknown) => this.options.logger.warn({ err: error, roomId }, 'Releasing a room lease failed'));
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.all([...this.owners.keys()].map((roomId) => this.closed(roomId)));
  }

  private follower(spec: RoomSpec): FollowerRoom {
    const { io, log, logger } = this.options;
    return new FollowerRoom({ spec, log, forward: (roomId, command, commandId) => forwardControl(io, roomId, command, commandId, logger) });
  }

  /** Takes the room's lease if nobody holds it and starts its clock here; undefined when another node runs it. */
  private async tryOwn(spec: RoomSpec, own: (start: OwnedRoomStart) => ReplayRoom): Promise<OwnedClusterRoom | undefined> {
    const { io, lease, log, clock, logger, nodeId, timing, persistence } = this.options;
    const roomId = spec.id;
    let publisher: OwnerPublisher | undefined;
    const keeper = await acquireAndKeep(lease, {
      clock,
      timing,
      roomId,
      nodeId,
      onStateChange: (state) => {
        if (state !== 'publishing') logger.warn({ roomId, state }, 'Unsure of this node’s lease on the room: publishing waits');
        publisher?.leaseChanged();
      },
      onRenewalError: (error) => logger.warn({ err: error, roomId }, 'Renewing the room lease failed'),
    });
    if (!keeper) return undefined;
    try {
      const found = await log.head(roomId);
      if (found && found.head.storyVersion !== spec.storyVersion) {
        logger.warn({ roomId, logged: found.head.storyVersion, here: spec.storyVersion }, 'The room’s log was written for another version of its story');
      }
      // Filled once the room is built; the publisher's callbacks reach it through this.
      const ref: { owned?: OwnedClusterRoom } = {};
      // The room emits nothing while it is built (it continues or resumes): its publisher is made right after it.
      const publish = (_source: ReplayRoom, message: ReplayMessage) => publisher?.publish(message);
      const start: OwnedRoomStart = found
        ? {
            settings: { ...spec.settings, resumeFrom: undefined, continueFrom: { clock: found.head.clock, released: found.head.released, presentation: found.head.presentation } },
            epoch: found.epoch,
            firstSeq: found.seq + 1,
            publish,
          }
        : // No log in Redis (a new room, or Redis lost it): from where the room last saved itself in the shared store.
          { settings: settingsFromSavedState(spec.settings, (await persistence?.load(roomId))?.state), firstSeq: 1, publish };
      const room = own(start);
      const fresh = room.emittedStanding();
      publisher = new OwnerPublisher({
        roomId,
        log,
        keeper,
        clock,
        target: found ? { epoch: found.epoch } : 'new',
        story: { scenarioId: spec.scenarioId, storyVersion: spec.storyVersion },
        initial: found ? { seq: found.seq, ...found.head, gap: false, change: 'snapshot' } : { ...fresh, gap: false, change: 'snapshot' },
        broadcast: (message) => emitReplayMessage(io.to(roomId), message),
        announceNewLog: (standing) => io.to(roomId).emit('replay:snapshot', snapshotAt(spec, standing, clock.now(), true)),
        onEpoch: (epoch) => room.setEpoch(epoch),
        onAppended: (standing) => ref.owned?.noteAppended(standing),
        onLost: (reason) => this.demote(spec, ref.owned, reason),
        onAppendError: (error) => logger.warn({ err: error, roomId }, 'Appending to the room’s log failed; trying again'),
      });
      const owned = new OwnedClusterRoom({ room, publisher, keeper, log });
      ref.owned = owned;
      if (found) {
        const { clock: replayClock, released, presentation } = found.head;
        owned.noteAppended({ seq: found.seq, epoch: found.epoch, clock: replayClock, released, presentation });
      } else {
        room.announceClock(); // opens the room's log: its first append gives the epoch
      }
      if (!(await publisher.published(room.lastSeq))) {
        owned.dispose();
        return undefined;
      }
      this.owners.set(roomId, { room: owned, keeper });
      logger.info({ roomId, token: keeper.fence.token, continued: found !== undefined }, 'This node runs the room’s clock');
      return owned;
    } catch (error) {
      publisher?.stop();
      await keeper.release().catch(() => false);
      throw error;
    }
  }

  /** This node may not publish for the room any more: it follows the room from now on. */
  private demote(spec: RoomSpec, owned: OwnedClusterRoom | undefined, reason: LostReason): void {
    const current = this.owners.get(spec.id);
    if (!owned || current?.room !== owned) return;
    this.owners.delete(spec.id);
    this.options.logger.warn({ roomId: spec.id, reason }, 'This node stopped running the room’s clock');
    this.rooms?.replace(spec.id, this.follower(spec));
  }

  private schedule(): void {
    if (this.disposed) return;
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = undefined;
      this.supervise();
      this.schedule();
    }, SUPERVISE_EVERY_WALL_MS);
  }

  /** Takes over every room served here (with screens, or the live room) whose clock runs nowhere. */
  private supervise(): void {
    const rooms = this.rooms;
    if (!rooms) return;
    for (const { roomId, room, spec, connections } of rooms.entries()) {
      if (room.replay || this.owners.has(roomId) || this.takingOver.has(roomId)) continue;
      if (connections === 0 && roomId !== LIVE_ROOM_ID) continue;
      this.takingOver.add(roomId);
      this.options.lease
        .holder(roomId)
        .then(async (holder) => {
          if (holder || this.disposed) return;
          const owned = await this.tryOwn(spec, (start) => rooms.buildOwned(spec, start));
          if (owned && !rooms.replace(roomId, owned)) await this.closed(roomId);
        })
        .catch((error: unknown) => this.options.logger.warn({ err: error, roomId }, 'Taking the room over failed; trying again'))
        .finally(() => this.takingOver.delete(roomId));
    }
  }
}

