import type { SavedRoomState } from './roomPersistence';

/**
 * Saves room states one batch at a time, newest state per room. A state given while a batch is being written waits
 * for the next batch (so writes never overtake one another and an older state never lands after a newer one); a
 * batch that fails is kept for the next try unless a newer state for its room came meanwhile — nothing is dropped
 * while the store is away, and memory holds at most one state per room.
 */
export class RoomStateSaver {
  private readonly dirty = new Map<string, SavedRoomState>();
  /** The write under way: resolves true when it wrote everything, false when the store failed. */
  private writing: Promise<boolean> | undefined;

  constructor(
    private readonly saveBatch: (states: readonly { roomId: string; state: SavedRoomState }[]) => Promise<void>,
    private readonly onError: (error: unknown, rooms: number) => void,
  ) {}

  /** Records the room's newest state and starts a write if none is running. */
  save(roomId: string, state: SavedRoomState): void {
    this.dirty.set(roomId, state);
    this.kick();
  }

  /** Resolves when every state given so far has been written, or rejects with the store's error. */
  async flush(): Promise<void> {
    while (this.writing || this.dirty.size > 0) {
      if (!this.writing) this.kick();
      const ok = await this.writing;
      if (ok === false && this.dirty.size > 0) throw new Error(`${this.dirty.size} room state(s) could not be saved`);
    }
  }

  /** Starts writing the dirty states unless a write is under way (then it goes on with them when it ends). */
  private kick(): void {
    if (this.writing || this.dirty.size === 0) return;
    this.writing = this.writeAll().finally(() => {
      this.writing = undefined;
    });
  }

  private async writeAll(): Promise<boolean> {
    while (this.dirty.size > 0) {
      const batch = [...this.dirty].map(([roomId, state]) => ({ roomId, state }));
      this.dirty.clear();
      try {
        await this.saveBatch(batch);
      } catch (error) {
        for (const { roomId, state } of batch) if (!this.dirty.has(roomId)) this.dirty.set(roomId, state);
        this.onError(error, batch.length);
        return false;
      }
    }
    return true;
  }
}
