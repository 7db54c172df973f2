import type { Clock, TimerHandle } from '../../replay/clock';
import type { SitrepIo } from './attachRealtime';

/** Viewer counts are sent at most this often per room, however many sockets come and go. */
export const PRESENCE_INTERVAL_WALL_MS = 1_000;

/** How the handlers report joins and leaves, and the API reads a room's viewers (one node, or all of a cluster's). */
export interface Presence {
  changed(roomId: string): void;
  viewers(roomId: string): number | Promise<number>;
  dispose(): void;
}

/** Tells a room how many are watching it, coalescing bursts of joins and leaves. */
export class PresenceNotifier implements Presence {
  private readonly pending = new Map<string, TimerHandle>();

  constructor(
    private readonly io: SitrepIo,
    private readonly clock: Clock,
  ) {}

  viewers(roomId: string): number {
    return this.io.of('/').adapter.rooms.get(roomId)?.size ?? 0;
  }

  changed(roomId: string): void {
    if (this.pending.has(roomId)) return;
    this.pending.set(
      roomId,
      this.clock.setTimeout(() => {
        this.pending.delete(roomId);
        this.io.to(roomId).emit('room:presence', { viewers: this.viewers(roomId) });
      }, PRESENCE_INTERVAL_WALL_MS),
    );
  }

  dispose(): void {
    for (const timer of this.pending.values()) this.clock.clearTimeout(timer);
    this.pending.clear();
  }
}
