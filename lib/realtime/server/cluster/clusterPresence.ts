import type { PresenceCounts } from '../../../cluster/presenceCounts';
import type { Clock, TimerHandle } from '../../../replay/clock';
import type { Logger } from '../../../server/logger';
import type { SitrepIo } from '../attachRealtime';
import { PRESENCE_INTERVAL_WALL_MS, type Presence } from '../presence';

/**
 * Viewer counts across nodes: every PRESENCE_INTERVAL_WALL_MS each node writes its own count of each room it serves
 * to Redis (with its heartbeat), reads the room's total over the live nodes, and tells its own screens when it
 * changed. A node that dies stops heartbeating and drops out of the totals.
 */
export class ClusterPresence implements Presence {
  private timer: TimerHandle | undefined;
  private readonly sent = new Map<string, number>();
  private disposed = false;

  constructor(
    private readonly io: SitrepIo,
    private readonly counts: PresenceCounts,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** The rooms open on this node. */
    private readonly roomIds: () => Iterable<string>,
  ) {
    this.schedule();
  }

  changed(): void {
    // Counted at the next tick, with every other change of the same second.
  }

  viewers(roomId: string): Promise<number> {
    return this.counts.total(roomId);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.disposed) return;
    this.timer = this.clock.setTimeout(() => {
      this.tick().then(
        () => this.schedule(),
        (error: unknown) => {
          this.logger.warn({ err: error }, 'Counting viewers across nodes failed; trying again');
          this.schedule();
        },
      );
    }, PRESENCE_INTERVAL_WALL_MS);
  }

  private async tick(): Promise<void> {
    await this.counts.heartbeat();
    for (const roomId of this.roomIds()) {
      const local = this.io.of('/').adapter.rooms.get(roomId)?.size ?? 0;
      await this.counts.report(roomId, local);
      if (local === 0) {
        this.sent.delete(roomId);
        continue;
      }
      const total = await this.counts.total(roomId);
      if (this.sent.get(roomId) === total) continue;
      this.sent.set(roomId, total);
      this.io.local.to(roomId).emit('room:presence', { viewers: total });
    }
  }
}
