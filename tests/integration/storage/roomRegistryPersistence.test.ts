import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { StoryCatalog } from '@/lib/events/catalog';
import { LIVE_ROOM_ID } from '@/lib/realtime/protocolVersion';
import { roomPersistenceFromStore } from '@/lib/realtime/server/roomPersistence';
import { CHECKPOINT_EVERY_WALL_MS, DEFAULT_ROOM_LIMITS, RoomRegistry, type RoomLimits } from '@/lib/realtime/server/roomRegistry';
import { ManualClock } from '@/lib/replay/manualClock';
import type { ReplaySettings } from '@/lib/replay/replayPlayer';
import { readStoryFolder } from '@/lib/storyFiles/readStoryFolders';
import { describeEachEngine } from './fixtures/engines';
import { openStores, useFreshStores, type Stores } from './fixtures/stores';

const STORY_DIR = path.resolve(import.meta.dirname, '../../fixtures/stories/replay-small');
const ROOM_SETTINGS: ReplaySettings = { storySecondsPerSecond: 86_400, maxGapWallMs: 600_000, loop: false, loopHoldWallMs: 1_000, autoplay: false };
const LIVE_SETTINGS: ReplaySettings = { ...ROOM_SETTINGS, loop: true, autoplay: true };
const START_MS = Date.UTC(2026, 0, 1);

let catalog: StoryCatalog;
beforeEach(async () => {
  const read = await readStoryFolder(STORY_DIR);
  if (!read.ok) throw new Error('the fixture story is refused');
  catalog = new StoryCatalog([read.story], () => 'v1');
});

describeEachEngine('rooms across a crash (RoomRegistry over the room store)', (engine) => {
  const fresh = useFreshStores(engine);
  const registries: RoomRegistry[] = [];
  // Registered after the store's hooks, so it runs before the store is removed (hooks run as a stack). One at a time:
  // two connections to one SQLite file in one process must not hold write transactions at once (the second one's
  // busy wait blocks the event loop the first one needs to commit).
  afterEach(async () => {
    for (const registry of registries.splice(0).reverse()) await registry.dispose();
  });

  /** A registry over `stores` (the test's store unless given: a restart opens another) whose clock is `clock`. */
  function registryAt(clock: ManualClock, stores: Stores = fresh.current, limits?: RoomLimits): RoomRegistry {
    const registry = new RoomRegistry({
      catalog,
      clock,
      roomSettings: ROOM_SETTINGS,
      limits,
      persistence: roomPersistenceFromStore(stores.rooms, (message) => {
        throw new Error(message);
      }),
      publish: () => undefined,
      warn: (message) => {
        throw new Error(message);
      },
    });
    registries.push(registry);
    return registry;
  }
  /** A process that starts after a crash: a new registry on the same store, opened again. */
  async function registryAfterRestart(clock: ManualClock): Promise<RoomRegistry> {
    return registryAt(clock, await openStores(fresh.store));
  }
  const savedPositionOf = async (roomId: string) =>
    (JSON.parse((await fresh.current.rooms.getRoom(roomId))?.clockJson ?? 'null') as { positionMs: number } | null)?.positionMs;
  async function createdRoom(registry: RoomRegistry) {
    const created = await registry.create('replay-small');
    if (!created.ok) throw new Error(`room not created: ${created.code}`);
    return created;
  }

  it('stores a created room before handing out its key', async () => {
    const registry = registryAt(new ManualClock(START_MS));
    const created = await createdRoom(registry);
    expect(await fresh.current.rooms.getRoom(created.roomId)).toMatchObject({ scenarioId: 'replay-small', createdAtMs: START_MS, clockJson: null });
    expect(await fresh.current.rooms.countRooms()).toBe(1);
  });

  it('refuses a room beyond maxStoredRooms, counting the rooms an earlier process stored', async () => {
    const limits: RoomLimits = { ...DEFAULT_ROOM_LIMITS, maxStoredRooms: 2 };
    await createdRoom(registryAt(new ManualClock(START_MS), fresh.current, limits));
    const later = registryAt(new ManualClock(START_MS), await openStores(fresh.store), limits);
    await createdRoom(later);
    expect(await later.create('replay-small')).toEqual({ ok: false, code: 'too_many_stored_rooms' });
    expect(await fresh.current.rooms.countRooms()).toBe(2);
  });

  it('checkpoints every playing room, and only those, every CHECKPOINT_EVERY_WALL_MS', async () => {
    const clock = new ManualClock(START_MS);
    const registry = registryAt(clock);
    const playing = await createdRoom(registry);
    const paused = await createdRoom(registry);
    registry.owned(playing.roomId)?.control({ type: 'play' });
    await registry.flushSaves();
    const savedAtPlay = await savedPositionOf(playing.roomId);
    expect(savedAtPlay).toEqual(expect.any(Number));
    expect(await savedPositionOf(paused.roomId)).toBeUndefined();

    clock.advance(CHECKPOINT_EVERY_WALL_MS - 1);
    await registry.flushSaves();
    expect(await savedPositionOf(playing.roomId)).toBe(savedAtPlay);
    clock.advance(1);
    await registry.flushSaves();
    const room = registry.owned(playing.roomId);
    expect(await savedPositionOf(playing.roomId)).toBe(room?.savedState().positionMs);
    expect(await savedPositionOf(playing.roomId)).toBeGreaterThan(savedAtPlay as number);
    expect(await savedPositionOf(paused.roomId)).toBeUndefined();
  });

  it('a room reopened after a crash stands paused where the last checkpoint saw it, with its key', async () => {
    const clock = new ManualClock(START_MS);
    const before = registryAt(clock);
    const created = await createdRoom(before);
    before.owned(created.roomId)?.control({ type: 'play' });
    clock.advance(10 * CHECKPOINT_EVERY_WALL_MS);
    await before.flushSaves();
    const atCheckpoint = before.owned(created.roomId)?.savedState().positionMs;
    clock.advance(CHECKPOINT_EVERY_WALL_MS / 2); // played on, unsaved: lost in the crash
    expect(before.owned(created.roomId)?.savedState().positionMs).not.toBe(atCheckpoint);

    const after = await registryAfterRestart(new ManualClock(START_MS + 60_000));
    expect(after.owned(created.roomId)).toBeUndefined();
    const reopened = await after.resolve(created.roomId);
    expect(reopened?.replay?.snapshot().clock).toMatchObject({ status: 'paused', positionMs: atCheckpoint });
    expect(reopened?.isPresenterKey(created.presenterKey)).toBe(true);
    expect(reopened?.isPresenterKey('not-the-key')).toBe(false);
    expect(await after.resolve('never-made')).toBeUndefined();
  });

  it('dispose saves where every open room stands', async () => {
    const clock = new ManualClock(START_MS);
    const registry = registryAt(clock);
    const created = await createdRoom(registry);
    registry.owned(created.roomId)?.control({ type: 'play' });
    clock.advance(CHECKPOINT_EVERY_WALL_MS / 2);
    const stoodAt = registry.owned(created.roomId)?.savedState().positionMs;
    await registry.dispose();
    expect(await savedPositionOf(created.roomId)).toBe(stoodAt);
  });

  it('the live room keeps its generated key and plays on from where it stood; a given key replaces it', async () => {
    const clock = new ManualClock(START_MS);
    const firstRegistry = registryAt(clock);
    const first = await firstRegistry.openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    if (!first.ok) throw new Error('live room not opened');
    expect(first).toMatchObject({ generatedKey: expect.any(String), resumedAtMs: undefined });
    clock.advance(4 * CHECKPOINT_EVERY_WALL_MS);
    await firstRegistry.flushSaves();
    const stoodAt = await savedPositionOf(LIVE_ROOM_ID);
    expect(stoodAt).toEqual(expect.any(Number));

    const laterRegistry = await registryAfterRestart(new ManualClock(START_MS + 60_000));
    const again = await laterRegistry.openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    expect(again).toEqual({ ok: true, generatedKey: undefined, resumedAtMs: stoodAt });
    const live = laterRegistry.owned(LIVE_ROOM_ID);
    expect(live?.snapshot().clock).toMatchObject({ status: 'playing', positionMs: stoodAt });
    expect(live?.isPresenterKey(first.generatedKey as string)).toBe(true);

    const givenKey = 'a-key-given-by-the-operator-000';
    const given = await (await registryAfterRestart(new ManualClock(START_MS))).openLiveRoom('replay-small', givenKey, LIVE_SETTINGS);
    expect(given).toMatchObject({ ok: true, generatedKey: undefined });
    const lastRegistry = await registryAfterRestart(new ManualClock(START_MS));
    expect(await lastRegistry.openLiveRoom('replay-small', undefined, LIVE_SETTINGS)).toMatchObject({ ok: true, generatedKey: undefined });
    expect(lastRegistry.owned(LIVE_ROOM_ID)?.isPresenterKey(givenKey)).toBe(true);
    expect(lastRegistry.owned(LIVE_ROOM_ID)?.isPresenterKey(first.generatedKey as string)).toBe(false);
  });

  it('a live room on another story starts afresh with a new key', async () => {
    const clock = new ManualClock(START_MS);
    const registry = registryAt(clock);
    await registry.openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    clock.advance(4 * CHECKPOINT_EVERY_WALL_MS);
    await registry.flushSaves();
    await fresh.current.rooms.saveRoom({ id: LIVE_ROOM_ID, scenarioId: 'another-story', keyDigest: Buffer.alloc(32), createdAtMs: START_MS });
    const freshLive = await (await registryAfterRestart(new ManualClock(START_MS))).openLiveRoom('replay-small', undefined, LIVE_SETTINGS);
    expect(freshLive).toMatchObject({ ok: true, generatedKey: expect.any(String), resumedAtMs: undefined });
  });
});
