import { LIVE_ROOM_ID } from '../protocolVersion';
import type { StoryCatalog } from '../../events/catalog';
import type { Story } from '../../events/checkStory';
import type { Clock, TimerHandle } from '../../replay/clock';
import type { ReplayMessage } from '../../replay/replayMessages';
import type { ReplaySettings } from '../../replay/replayPlayer';
import { keyDigest, newEpoch, newPresenterKey, newRoomId } from './presenterKeys';
import type { PersistedRoom, RoomPersistence } from './roomPersistence';
import { ReplayRoom } from './replayRoom';
import type { OwnedRoomStart, RoomHosting, RoomSpec } from './roomHosting';
import type { ServedRoom } from './servedRoom';
import { RoomStateSaver } from './roomStateSaver';

export interface RoomLimits {
  /** At most this many rooms open in memory besides `live`; creating more is refused until idle ones are closed. */
  maxRooms: number;
  /** A room nobody has been connected to for this long is closed in memory (it stays in storage, if any). */
  idleWallMs: number;
  /** How often idle rooms are looked for. */
  sweepEveryWallMs: number;
  /** At most this many rooms kept in storage (open or not); creating more is refused. */
  maxStoredRooms: number;
}

/** Rooms kept in storage at most, unless SITREP_MAX_ROOMS says otherwise. */
export const DEFAULT_MAX_STORED_ROOMS = 10_000;

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxRooms: 500,
  idleWallMs: 12 * 60 * 60 * 1_000,
  sweepEveryWallMs: 10 * 60 * 1_000,
  maxStoredRooms: DEFAULT_MAX_STORED_ROOMS,
};

/**
 * How often every playing room's position is saved. A crash loses at most this much wall time of playback (plus the
 * write itself), well under the promised second of playback at the room's rate.
 */
export const CHECKPOINT_EVERY_WALL_MS = 250;

export type LiveRoomOpening =
  | { ok: false }
  | {
      ok: true;
      /** The key generated for a fresh live room (to be printed); undefined when one was given or the earlier one holds. */
      generatedKey: string | undefined;
      /** Where the room resumed from (story ms), when it came back from an earlier run. */
      resumedAtMs: number | undefined;
    };

export type CreateRoomResult =
  | { ok: true; roomId: string; presenterKey: string; scenarioId: string }
  | { ok: false; code: 'not_found' | 'too_many_rooms' | 'too_many_stored_rooms' };

interface RoomEntry {
  room: ServedRoom;
  spec: RoomSpec;
  connections: number;
  idleSinceMs: number;
}

export interface RoomRegistryOptions {
  catalog: StoryCatalog;
  clock: Clock;
  /** Settings of rooms created through the API (presenter-driven: paused at start, no loop). */
  roomSettings: ReplaySettings;
  limits?: RoomLimits;
  retentionWallMs?: number;
  /** Keeps created rooms across restarts; without it they live only in memory. */
  persistence?: RoomPersistence;
  publish: (room: ReplayRoom, message: ReplayMessage) => void;
  /** Told when a checkpoint could not be saved (the rooms play on; the next checkpoint tries again). */
  warn?: (message: string) => void;
  /** Where rooms run (a cluster); without it every room's clock runs in this process. */
  hosting?: RoomHosting;
}

/** All rooms of this server: the public `live` room and the rooms presenters create. */
export class RoomRegistry {
  private readonly rooms = new Map<string, RoomEntry>();
  private readonly limits: RoomLimits;
  private sweepTimer: TimerHandle | undefined;
  private checkpointTimer: TimerHandle | undefined;
  /** Rooms being reopened from storage, so that two requests for one room open it once. */
  private readonly reopening = new Map<string, Promise<ServedRoom | undefined>>();
  private readonly saver: RoomStateSaver | undefined;
  /** After dispose no room is reopened (a late message of a closing server must not bring one back). */
  private disposed = false;

  constructor(private readonly options: RoomRegistryOptions) {
    this.limits = options.limits ?? DEFAULT_ROOM_LIMITS;
    const persistence = options.persistence;
    if (persistence) {
      this.saver = new RoomStateSaver(
        (states) => persistence.saveStates(states, options.clock.now()),
        (error, rooms) => options.warn?.(`Saving the state of ${rooms} room(s) failed (kept for the next try): ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    this.scheduleSweep();
    if (persistence) this.scheduleCheckpoint();
  }

  /**
   * Opens the public room. Its story and settings come from the environment; with persistence it comes back where it
   * stood before a restart (playing on if it was playing) unless its story changed. Without a given key, the key
   * digest kept from the earlier run still holds (the key was printed then); a new key is generated only for a fresh
   * room. Not ok if the story is unknown.
   */
  async openLiveRoom(scenarioId: string, givenKey: string | undefined, settings: ReplaySettings): Promise<LiveRoomOpening> {
    if (!this.options.catalog.get(scenarioId)) return { ok: false };
    const stored = await this.options.persistence?.load(LIVE_ROOM_ID);
    const earlier = stored?.scenarioId === scenarioId ? stored : undefined;
    const generatedKey = givenKey === undefined && earlier === undefined ? newPresenterKey() : undefined;
    const presenterKey = givenKey ?? generatedKey;
    const digest = presenterKey !== undefined ? keyDigest(presenterKey) : (earlier as PersistedRoom).keyDigest;
    const saved = earlier?.state ?? null;
    const liveSettings: ReplaySettings = saved
      ? { ...settings, autoplay: saved.status !== 'paused', resumeFrom: { positionMs: saved.positionMs, presentation: saved.presentation } }
      : settings;
    await this.options.persistence?.saveRoom({ id: LIVE_ROOM_ID, scenarioId, keyDigest: digest, createdAtMs: this.options.clock.now() });
    if (!(await this.open(LIVE_ROOM_ID, scenarioId, digest, liveSettings))) return { ok: false };
    return { ok: true, generatedKey, resumedAtMs: saved?.positionMs };
  }

  /** Creates a room; it is stored before its key is handed out (a storage failure rejects, and nothing is opened). */
  async create(scenarioId: string): Promise<CreateRoomResult> {
    if (!this.options.catalog.get(scenarioId)) return { ok: false, code: 'not_found' };
    if (!this.hasRoomFor()) return { ok: false, code: 'too_many_rooms' };
    const persistence = this.options.persistence;
    if (persistence && (await persistence.count()) >= this.limits.maxStoredRooms) return { ok: false, code: 'too_many_stored_rooms' };
    const presenterKey = newPresenterKey();
    let roomId = newRoomId();
    while (this.rooms.has(roomId) || (await persistence?.load(roomId))) roomId = newRoomId();
    const digest = keyDigest(presenterKey);
    await persistence?.saveRoom({ id: roomId, scenarioId, keyDigest: digest, createdAtMs: this.options.clock.now() });
    if (!(await this.open(roomId, scenarioId, digest, this.options.roomSettings))) return { ok: false, code: 'not_found' };
    return { ok: true, roomId, presenterKey, scenarioId };
  }

  /** The room if it is open on this node. */
  get(roomId: string): ServedRoom | undefined {
    return this.rooms.get(roomId)?.room;
  }

  /** The room if its clock runs in this process (always so on a single node). */
  owned(roomId: string): ReplayRoom | undefined {
    return this.rooms.get(roomId)?.room.replay;
  }

  /** Every room open on this node, with its local connections. */
  *entries(): IterableIterator<{ roomId: string; room: ServedRoom; spec: RoomSpec; connections: number }> {
    for (const [roomId, { room, spec, connections }] of this.rooms) yield { roomId, room, spec, connections };
  }

  /**
   * Puts `room` in the place of the open room with this id (a cluster room changing hands); the one it replaces is
   * disposed. False when the room is not open here any more (then `room` is disposed).
   */
  replace(roomId: string, room: ServedRoom): boolean {
    const entry = this.rooms.get(roomId);
    if (!entry || this.disposed) {
      room.dispose();
      return false;
    }
    if (entry.room !== room) entry.room.dispose();
    entry.room = room;
    return true;
  }

  /**
   * The room, reopened from storage (paused where it stood) if it is not in memory; undefined when no such room is
   * stored. Rejects when the store cannot be read.
   */
  async resolve(roomId: string): Promise<ServedRoom | undefined> {
    const open = this.rooms.get(roomId)?.room;
    if (open || roomId === LIVE_ROOM_ID || this.disposed) return open;
    const inFlight = this.reopening.get(roomId);
    if (inFlight) return inFlight;
    const reopening = this.reopen(roomId).finally(() => this.reopening.delete(roomId));
    this.reopening.set(roomId, reopening);
    return reopening;
  }

  private async reopen(roomId: string): Promise<ServedRoom | undefined> {
    const stored = await this.options.persistence?.load(roomId);
    const open = this.rooms.get(roomId)?.room;
    if (open || this.disposed) return open;
    if (!stored || !this.options.catalog.get(stored.scenarioId) || !this.hasRoomFor()) return undefined;
    const settings: ReplaySettings = stored.state
      ? {
          ...this.options.roomSettings,
          storySecondsPerSecond: stored.state.storySecondsPerSecond,
          resumeFrom: { positionMs: stored.state.positionMs, presentation: stored.state.presentation },
        }
      : this.options.roomSettings;
    return this.open(roomId, stored.scenarioId, stored.keyDigest, settings);
  }

  /**
   * The story an open room replays at this version, if any: a room keeps the version it started with after its
   * story is saved again, and its screens load that version (`GET /api/scenarios/:id?version=`) while it is open.
   */
  storyAt(scenarioId: string, storyVersion: string): Story | undefined {
    for (const { room } of this.rooms.values()) {
      if (room.scenarioId === scenarioId && room.storyVersion === storyVersion) return room.story;
    }
    return undefined;
  }

  /** Counts connections so that idle rooms can be closed. */
  connected(roomId: string, delta: 1 | -1): void {
    const entry = this.rooms.get(roomId);
    if (!entry) return;
    entry.connections = Math.max(0, entry.connections + delta);
    if (entry.connections === 0) entry.idleSinceMs = this.options.clock.now();
  }

  /** The most rooms storage keeps (RoomLimits.maxStoredRooms). */
  get maxStoredRooms(): number {
    return this.limits.maxStoredRooms;
  }

  size(): number {
    return this.rooms.size;
  }

  /** Queues the position of every playing room for saving (one transaction); returns how many were queued. */
  checkpoint(): number {
    const playing = [...this.rooms.values()].map((entry) => entry.room.replay).filter((room): room is ReplayRoom => room?.playing === true);
    for (const room of playing) this.saveState(room);
    return this.saver ? playing.length : 0;
  }

  /** Resolves once every state queued so far is saved; rejects when the store fails. */
  flushSaves(): Promise<void> {
    return this.saver?.flush() ?? Promise.resolve();
  }

  /** Saves every room (one transaction) and closes them all; rejects if the final save failed (after closing). */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const timer of [this.sweepTimer, this.checkpointTimer]) if (timer !== undefined) this.options.clock.clearTimeout(timer);
    this.sweepTimer = undefined;
    this.checkpointTimer = undefined;
    for (const { room } of this.rooms.values()) if (room.replay) this.saveState(room.replay);
    const roomIds = [...this.rooms.keys()];
    for (const entry of this.rooms.values()) entry.room.dispose();
    this.rooms.clear();
    try {
      await this.flushSaves();
    } finally {
      // Only once the last states are saved may another node take the rooms over.
      await Promise.all(roomIds.map((roomId) => this.options.hosting?.closed(roomId)));
      await this.options.hosting?.dispose();
    }
  }

  private scheduleCheckpoint(): void {
    this.checkpointTimer = this.options.clock.setTimeout(() => {
      this.checkpoint();
      this.scheduleCheckpoint();
    }, CHECKPOINT_EVERY_WALL_MS);
  }

  private hasRoomFor(): boolean {
    const openRooms = () => this.rooms.size - (this.rooms.has(LIVE_ROOM_ID) ? 1 : 0);
    if (openRooms() < this.limits.maxRooms) return true;
    this.sweep();
    return openRooms() < this.limits.maxRooms;
  }

  /** Opens the room on this node: its clock runs here, or (in a cluster) on the node that holds it. */
  private async open(roomId: string, scenarioId: string, digest: Buffer, settings: ReplaySettings): Promise<ServedRoom | undefined> {
    const story = this.options.catalog.get(scenarioId);
    const storyVersion = this.options.catalog.version(scenarioId);
    if (!story || storyVersion === undefined) return undefined;
    const spec: RoomSpec = { id: roomId, scenarioId, story, storyVersion, keyDigest: digest, settings };
    const own = (start: OwnedRoomStart) => this.buildOwned(spec, start);
    const hosting = this.options.hosting;
    const room = hosting ? await hosting.host(spec, own) : own({ settings });
    if (this.disposed) {
      room.dispose();
      return undefined;
    }
    this.rooms.get(roomId)?.room.dispose();
    this.rooms.set(roomId, { room, spec, connections: 0, idleSinceMs: this.options.clock.now() });
    return room;
  }

  /** A room whose clock runs in this process, saving its state on every change but a release. */
  buildOwned(spec: RoomSpec, start: OwnedRoomStart): ReplayRoom {
    const persisted = this.options.persistence !== undefined;
    const publish = start.publish ?? this.options.publish;
    return new ReplayRoom({
      id: spec.id,
      story: spec.story,
      storyVersion: spec.storyVersion,
      clock: this.options.clock,
      settings: start.settings,
      keyDigest: spec.keyDigest,
      epoch: start.epoch ?? newEpoch(),
      firstSeq: start.firstSeq,
      retentionWallMs: this.options.retentionWallMs,
      publish: (source, message) => {
        publish(source, message);
        if (persisted && message.kind !== 'event') this.saveState(source);
      },
    });
  }

  private saveState(room: ReplayRoom): void {
    this.saver?.save(room.id, room.savedState());
  }

  private close(roomId: string, entry: RoomEntry): void {
    if (entry.room.replay) this.saveState(entry.room.replay);
    entry.room.dispose();
    this.rooms.delete(roomId);
    const hosting = this.options.hosting;
    if (hosting) {
      this.flushSaves()
        .then(() => hosting.closed(roomId))
        .catch((error: unknown) => this.options.warn?.(`Closing room ${roomId} failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  }

  private sweep(): void {
    const now = this.options.clock.now();
    for (const [roomId, entry] of this.rooms) {
      if (roomId === LIVE_ROOM_ID || entry.connections > 0) continue;
      if (now - entry.idleSinceMs >= this.limits.idleWallMs) this.close(roomId, entry);
    }
  }

  private scheduleSweep(): void {
    this.sweepTimer = this.options.clock.setTimeout(() => {
      this.sweep();
      this.scheduleSweep();
    }, this.limits.sweepEveryWallMs);
  }
}
