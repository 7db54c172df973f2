import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoryCatalog } from '@/lib/events/catalog';
import { LIVE_ROOM_ID } from '@/lib/realtime/protocolVersion';
import { roomPersistenceFromStore } from '@/lib/realtime/server/roomPersistence';
import { CHECKPOINT_EVERY_WALL_MS, RoomRegistry } from '@/lib/realtime/server/roomRegistry';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ReplaySettings } from '@/lib/replay/replayPlayer';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';
import { openStores, type Stores } from './fixtures/stores';
import { makeTempDataDir } from './fixtures/tempDataDir';

const STORY_DIR = path.resolve(import.meta.dirname, '../../fixtures/stories/replay-small');
const ROOM_SETTINGS: ReplaySettings = { storySecondsPerSecond: 86_400, maxGapWallMs: 600_000, loop: false, loopHoldWallMs: 1_000, autoplay: false };
const LIVE_SETTINGS: ReplaySettings = { ...ROOM_SETTINGS, loop: true, autoplay: true };
const START_MS = Date.UTC(2026, 0, 1);

let temp: ReturnType<typeof makeTempDataDir>;
let stores: Stores;
let catalog: StoryCatalog;
const registries: RoomRegistry[] = [];

beforeEach(async () => {
  temp = makeTempDataDir();
  stores = openStores(temp.dir);
  const read = await readStoryFolder(STORY_DIR);
  if (!read.ok) throw new Error('the fixture story is refused');
  catalog = new StoryCatalog([read.story], () => 'v1');
});
afterEach(() => {
  for (const registry of registries.splice(0)) registry.dispose();
  stores.database.close();
  temp.remove();
});

function registryAt(clock: ManualClock): RoomRegistry {
  const registry = new RoomRegistry({
    catalog,
    clock,
    roomSettings: ROOM_SETTINGS,
    persistence: roomPersistenceFromStore(stores.rooms, (message) => {
      throw new Error(message);
    }),
    publish: () => undefined,
  });
  registries.push(registry);
  return registry;
}

const savedPositionOf = (roomId: string) => (JSON.parse(stores.rooms.getRoom(roomId)?.clockJson ?? 'null') as { positionMs: number } | null)?.positionMs;

describe('rooms across a crash (RoomRegistry over the room store)', () => {
  it('checkpoints every playing room, and only those, every CHECKPOINT_EVERY_WALL_MS', () => {
    const clock = new ManualClock(START_MS);
    const registry = registryAt(clock);
    const playing = registry.create('replay-small');
    const paused = registry.create('replay-small');
    if (!playing.ok || !paused.ok) throw new Error('rooms not created');
    registry.get(playing.roomId)?.control({ type: 'play' });
    const savedAtPlay = savedPositionOf(playing.roomId);
    expect(savedPositionOf(paused.roomId)).toBeUndefined();

    clock.advance(CHECKPOINT_EVERY_WALL_MS - 1);
    expect(savedPositionOf(playing.roomId)).toBe(savedAtPlay);
    clock.advance(1);
    const room = registry.get(playing.roomId);
    expect(savedPositionOf(playing.roomId)).toBe(room?.savedState().positionMs);
    expect(savedPositionOf(playing.roomId)).toBeGreaterThan(savedAtPlay as number);
    expect(savedPositionOf(paused.roomId)).toBeUndefined();
  });

  it('a room reopened after a crash stands paused where the last checkpoint saw it, with its key', () => {
    const clock = new ManualClock(START_MS);
    const before = registryAt(clock);
    const created = before.create('replay-small');
    if (!created.ok) throw new Error('room not created');
    before.get(created.roomId)?.control({ type: 'play' });
    clock.advance(10 * CHECKPOINT_EVERY_WALL_MS);
    const atCheckpoint = before.get(created.roomId)?.savedState().positionMs;
    // A crash: nothing more is saved; a new registry reads the same store.
    const after = registryAt(new ManualClock(START_MS + 60_000));
    const reopened = after.get(created.roomId);
    expect(reopened?.snapshot().clock).toMatchObject({ status: 'paused', positionMs: atCheckpoint });
    expect(reopened?.isPresenterKey(created.presenterKey)).toBe(true);
  });

  it('the live room keeps its generated key and plays on from where it stood; another story starts it afresh', () => {
    const clock = new ManualClock(START_MS);
    const first = registryAt(clock).openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    if (!first.ok) throw new Error('live room not opened');
    expect(first).toMatchObject({ generatedKey: expect.any(String), resumedAtMs: undefined });
    clock.advance(4 * CHECKPOINT_EVERY_WALL_MS);
    const stoodAt = savedPositionOf(LIVE_ROOM_ID);

    const laterRegistry = registryAt(new ManualClock(START_MS + 60_000));
    const again = laterRegistry.openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    expect(again).toEqual({ ok: true, generatedKey: undefined, resumedAtMs: stoodAt });
    const live = laterRegistry.get(LIVE_ROOM_ID);
    expect(live?.snapshot().clock).toMatchObject({ status: 'playing', positionMs: stoodAt });
    expect(live?.isPresenterKey(first.generatedKey as string)).toBe(true);

    const given = registryAt(new ManualClock(START_MS)).openLiveRoom('replay-small', 'a-key-given-by-the-operator-000', LIVE_SETTINGS);
    expect(given).toMatchObject({ ok: true, generatedKey: undefined });
  });

  it('a live room on another story starts afresh with a new key', () => {
    const clock = new ManualClock(START_MS);
    registryAt(clock).openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    clock.advance(4 * CHECKPOINT_EVERY_WALL_MS);
    stores.rooms.saveRoom({ id: LIVE_ROOM_ID, scenarioId: 'another-story', keyDigest: Buffer.alloc(32), createdAtMs: START_MS });
    const fresh = registryAt(new ManualClock(START_MS)).openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    expect(fresh).toMatchObject({ ok: true, generatedKey: expect.any(String), resumedAtMs: undefined });
  });
});

describe('roomStore.saveRoomClocks', () => {
  it('saves the clocks of many rooms at once and counts the stored ones', () => {
    for (const id of ['a', 'b']) stores.rooms.saveRoom({ id, scenarioId: 's', keyDigest: Buffer.alloc(32), createdAtMs: 1 });
    expect(stores.rooms.saveRoomClocks([{ id: 'a', clockJson: '{"positionMs":1}' }, { id: 'b', clockJson: '{"positionMs":2}' }, { id: 'nobody', clockJson: '{}' }], 5)).toBe(2);
    expect(stores.rooms.getRoom('b')).toMatchObject({ clockJson: '{"positionMs":2}', updatedAtMs: 5 });
  });

  it('saves nothing when one clock is invalid', () => {
    for (const id of ['a', 'b']) stores.rooms.saveRoom({ id, scenarioId: 's', keyDigest: Buffer.alloc(32), createdAtMs: 1 });
    expect(() => stores.rooms.saveRoomClocks([{ id: 'a', clockJson: '{"positionMs":1}' }, { id: 'b', clockJson: 'not json' }], 5)).toThrow(/clock_json/);
    expect(stores.rooms.getRoom('a')?.clockJson).toBeNull();
  });
});
