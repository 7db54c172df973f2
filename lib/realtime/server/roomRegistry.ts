import { LIVE_ROOM_ID } from '../protocolVersion';
import type { StoryCatalog } from '../../events/catalog';
import type { Clock, TimerHandle } from '../../replay/clock';
import type { ReplayMessage } from '../../replay/replayMessages';
import type { ReplaySettings } from '../../replay/replayPlayer';
import { keyDigest, newEpoch, newPresenterKey, newRoomId } from './presenterKeys';
import type { RoomPersistence } from './roomPersistence';
import { ReplayRoom } from './replayRoom';

export interface RoomLimits {
  /** At most this many rooms open in memory besides `live`; creating more is refused until idle ones are closed. */
  maxRooms: number;
  /** A room nobody has been connected to for this long is closed in memory (it stays in storage, if any). */
  idleWallMs: number;
  /** How often idle rooms are looked for. */
  sweepEveryWallMs: number;
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  maxRooms: 500,
  idleWallMs: 12 * 60 * 60 * 1_000,
  sweepEveryWallMs: 10 * 60 * 1_000,
};

export type CreateRoomResult =
  | { ok: true; roomId: string; presenterKey: string; scenarioId: string }
  | { ok: false; code: 'not_found' | 'too_many_rooms' };

interface RoomEntry {
  room: ReplayRoom;
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
}

/** All rooms of this server: the public `live` room and the rooms presenters create. */
export class RoomRegistry {
  private readonly rooms = new Map<string, RoomEntry>();
  private readonly limits: RoomLimits;
  private sweepTimer: TimerHandle | undefined;

  constructor(private readonly options: RoomRegistryOptions) {
    this.limits = options.limits ?? DEFAULT_ROOM_LIMITS;
    this.scheduleSweep();
  }

  /** Opens the public room (never persisted: it is configured by the environment). False if the story is unknown. */
  openLiveRoom(scenarioId: string, presenterKey: string, settings: ReplaySettings): boolean {
    return this.open(LIVE_ROOM_ID, scenarioId, keyDigest(presenterKey), settings) !== undefined;
  }

  create(scenarioId: string): CreateRoomResult {
    if (!this.options.catalog.get(scenarioId)) return { ok: false, code: 'not_found' };
    if (!this.hasRoomFor()) return { ok: false, code: 'too_many_rooms' };
    const presenterKey = newPresenterKey();
    let roomId = newRoomId();
    while (this.rooms.has(roomId) || this.options.persistence?.load(roomId)) roomId = newRoomId();
    const digest = keyDigest(presenterKey);
    this.open(roomId, scenarioId, digest, this.options.roomSettings);
    this.options.persistence?.saveRoom({ id: roomId, scenarioId, keyDigest: digest, createdAtMs: this.options.clock.now() });
    return { ok: true, roomId, presenterKey, scenarioId };
  }

  /** The room, reopened from storage (paused where it stood) if it is not in memory. */
  get(roomId: string): ReplayRoom | undefined {
    const open = this.rooms.get(roomId)?.room;
    if (open || roomId === LIVE_ROOM_ID) return open;
    const stored = this.options.persistence?.load(roomId);
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

  /** Counts connections so that idle rooms can be closed. */
  connected(roomId: string, delta: 1 | -1): void {
    const entry = this.rooms.get(roomId);
    if (!entry) return;
    entry.connections = Math.max(0, entry.connections + delta);
    if (entry.connections === 0) entry.idleSinceMs = this.options.clock.now();
  }

  size(): number {
    return this.rooms.size;
  }

  dispose(): void {
    if (this.sweepTimer !== undefined) this.options.clock.clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    for (const [roomId, entry] of this.rooms) this.close(roomId, entry);
  }

  private hasRoomFor(): boolean {
    const openRooms = () => this.rooms.size - (this.rooms.has(LIVE_ROOM_ID) ? 1 : 0);
    if (openRooms() < this.limits.maxRooms) return true;
    this.sweep();
    return openRooms() < this.limits.maxRooms;
  }

  private open(roomId: string, scenarioId: string, digest: Buffer, settings: ReplaySettings): ReplayRoom | undefined {
    const story = this.options.catalog.get(scenarioId);
    const storyVersion = this.options.catalog.version(scenarioId);
    if (!story || storyVersion === undefined) return undefined;
    this.rooms.get(roomId)?.room.dispose();
    const persisted = roomId !== LIVE_ROOM_ID && this.options.persistence !== undefined;
    const room = new ReplayRoom({
      id: roomId,
      story,
      storyVersion,
      clock: this.options.clock,
      settings,
      keyDigest: digest,
      epoch: newEpoch(),
      retentionWallMs: this.options.retentionWallMs,
      publish: (source, message) => {
        this.options.publish(source, message);
        if (persisted && message.kind !== 'event') this.saveState(source);
      },
    });
    this.rooms.set(roomId, { room, connections: 0, idleSinceMs: this.options.clock.now() });
    return room;
  }

  private saveState(room: ReplayRoom): void {
    if (room.id === LIVE_ROOM_ID) return;
    this.options.persistence?.saveState(room.id, room.savedState(), this.options.clock.now());
  }

  private close(roomId: string, entry: RoomEntry): void {
    this.saveState(entry.room);
    entry.room.dispose();
    this.rooms.delete(roomId);
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
