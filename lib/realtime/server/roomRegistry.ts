import type { StoryCatalog } from '../../events/catalog';
import type { Clock, TimerHandle } from '../../replay/clock';
import type { ReplayMessage } from '../../replay/replayMessages';
import type { ReplaySettings } from '../../replay/replayPlayer';
import { LIVE_ROOM_ID } from '../protocol';
import { newEpoch, newPresenterKey, newRoomId } from './presenterKeys';
import { ReplayRoom } from './replayRoom';

export interface RoomLimits {
  /** At most this many rooms besides `live`; creating more is refused until idle ones are reclaimed. */
  maxRooms: number;
  /** A room nobody has been connected to for this long is closed (never the live room). */
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

  /** Opens the public room. Returns false when the story does not exist. */
  openLiveRoom(scenarioId: string, presenterKey: string, settings: ReplaySettings): boolean {
    return this.open(LIVE_ROOM_ID, scenarioId, presenterKey, settings) !== undefined;
  }

  create(scenarioId: string): CreateRoomResult {
    if (!this.options.catalog.get(scenarioId)) return { ok: false, code: 'not_found' };
    if (this.rooms.size - (this.rooms.has(LIVE_ROOM_ID) ? 1 : 0) >= this.limits.maxRooms) {
      this.sweep();
      if (this.rooms.size - (this.rooms.has(LIVE_ROOM_ID) ? 1 : 0) >= this.limits.maxRooms) return { ok: false, code: 'too_many_rooms' };
    }
    const presenterKey = newPresenterKey();
    let roomId = newRoomId();
    while (this.rooms.has(roomId)) roomId = newRoomId();
    this.open(roomId, scenarioId, presenterKey, this.options.roomSettings);
    return { ok: true, roomId, presenterKey, scenarioId };
  }

  get(roomId: string): ReplayRoom | undefined {
    return this.rooms.get(roomId)?.room;
  }

  /** Counts connections so that idle rooms can be reclaimed. */
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
    for (const entry of this.rooms.values()) entry.room.dispose();
    this.rooms.clear();
  }

  private open(roomId: string, scenarioId: string, presenterKey: string, settings: ReplaySettings): ReplayRoom | undefined {
    const story = this.options.catalog.get(scenarioId);
    if (!story) return undefined;
    this.rooms.get(roomId)?.room.dispose();
    const room = new ReplayRoom({
      id: roomId,
      story,
      clock: this.options.clock,
      settings,
      presenterKey,
      epoch: newEpoch(),
      retentionWallMs: this.options.retentionWallMs,
      publish: this.options.publish,
    });
    this.rooms.set(roomId, { room, connections: 0, idleSinceMs: this.options.clock.now() });
    return room;
  }

  private sweep(): void {
    const now = this.options.clock.now();
    for (const [roomId, entry] of this.rooms) {
      if (roomId === LIVE_ROOM_ID || entry.connections > 0) continue;
      if (now - entry.idleSinceMs >= this.limits.idleWallMs) {
        entry.room.dispose();
        this.rooms.delete(roomId);
      }
    }
  }

  private scheduleSweep(): void {
    this.sweepTimer = this.options.clock.setTimeout(() => {
      this.sweep();
      this.scheduleSweep();
    }, this.limits.sweepEveryWallMs);
  }
}
