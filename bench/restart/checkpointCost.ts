/**
 * What a checkpoint costs: 500 playing rooms (the room limit) in the real registry over real SQLite storage, their
 * positions saved in one transaction (RoomRegistry.checkpoint), timed over repeated checkpoints. The rooms play a
 * minute of story per second, so that none reaches the end of its story while it is measured.
 */
import path from 'node:path';
import { DEFAULT_ROOM_LIMITS, RoomRegistry } from '@/lib/realtime/server/roomRegistry';
import { roomPersistenceFromStore } from '@/lib/realtime/server/roomPersistence';
import { ManualClock } from '@/lib/replay/manualClock';
import { createLogger } from '@/lib/server/logger';
import { loadCatalog } from '@/lib/server/startSitrep';
import { openStorage } from '@/lib/storage/openStorage';
import { createRoomStore } from '@/lib/storage/roomStore';
import { sortedCopy } from '../core/stats';

const SILENT = createLogger({ level: 'silent' });
const WALL_STEP_MS = 250;

export interface CheckpointCost {
  rooms: number;
  /** Each checkpoint's duration, ascending. */
  durationsMs: Float64Array;
}

export async function measureCheckpointCost(eventsDir: string, scenarioId: string, dataDir: string, checkpoints: number): Promise<CheckpointCost> {
  const { catalog } = await loadCatalog(eventsDir, SILENT);
  const storage = await openStorage({ dataDir: path.join(dataDir, 'checkpoint') });
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const registry = new RoomRegistry({
    catalog,
    clock,
    roomSettings: { storySecondsPerSecond: 60, maxGapWallMs: 3_000, loop: false, loopHoldWallMs: 10_000, autoplay: false },
    persistence: roomPersistenceFromStore(createRoomStore(storage.db), () => undefined),
    publish: () => undefined,
  });
  try {
    for (let i = 0; i < DEFAULT_ROOM_LIMITS.maxRooms; i++) {
      const created = await registry.create(scenarioId);
      if (!created.ok) throw new Error(`room ${i} not created: ${created.code}`);
      registry.get(created.roomId)?.control({ type: 'play' });
    }
    const durations: number[] = [];
    for (let i = 0; i < checkpoints; i++) {
      clock.advance(WALL_STEP_MS);
      const start = performance.now();
      const saved = registry.checkpoint();
      await registry.flushSaves();
      durations.push(performance.now() - start);
      if (saved !== DEFAULT_ROOM_LIMITS.maxRooms) throw new Error(`checkpoint saved ${saved} rooms, expected ${DEFAULT_ROOM_LIMITS.maxRooms}`);
    }
    return { rooms: DEFAULT_ROOM_LIMITS.maxRooms, durationsMs: sortedCopy(durations) };
  } finally {
    await registry.dispose();
    await storage.close();
  }
}
