import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { makeMomentInput } from '../../unit/decks/momentFixtures';
import { describeEachEngine } from './fixtures/engines';
import { digestOf, ROOM_CREATED_AT_MS, saveTestRoom, useFreshStores } from './fixtures/stores';

const CLOCK_JSON = JSON.stringify({ status: 'paused', positionMs: 1_745_000_000_000 });

describeEachEngine('roomStore', (engine) => {
  const fresh = useFreshStores(engine);

  it('lists saved rooms oldest first, with the key digest as a Buffer', async () => {
    const { rooms } = fresh.current;
    await rooms.saveRoom({ id: 'later', scenarioId: 'story-b', keyDigest: digestOf('b'), createdAtMs: 20 });
    await rooms.saveRoom({ id: 'earlier', scenarioId: 'story-a', keyDigest: digestOf('a'), createdAtMs: 10 });
    await rooms.saveRoom({ id: 'also-earlier', scenarioId: 'story-a', keyDigest: digestOf('c'), createdAtMs: 10 });
    const listed = await rooms.listRooms();
    expect(listed.map((room) => room.id)).toEqual(['also-earlier', 'earlier', 'later']);
    expect(listed[1]).toEqual({ id: 'earlier', scenarioId: 'story-a', keyDigest: digestOf('a'), createdAtMs: 10, clockJson: null, updatedAtMs: 10 });
    expect(Buffer.isBuffer(listed[1]?.keyDigest)).toBe(true);
    expect(await rooms.countRooms()).toBe(3);
    expect(await rooms.getRoom('later')).toMatchObject({ id: 'later', scenarioId: 'story-b' });
    expect(await rooms.getRoom('nobody')).toBeUndefined();
  });

  it('keeps rooms and their clocks across a restart', async () => {
    await saveTestRoom(fresh.current.rooms, 'room-1');
    expect(await fresh.current.rooms.saveRoomClock('room-1', CLOCK_JSON, ROOM_CREATED_AT_MS + 5)).toBe(true);
    const { rooms } = await fresh.restart();
    expect(await rooms.listRooms()).toEqual([
      { id: 'room-1', scenarioId: '2025-04-putin-trump', keyDigest: digestOf('key-room-1'), createdAtMs: ROOM_CREATED_AT_MS, clockJson: CLOCK_JSON, updatedAtMs: ROOM_CREATED_AT_MS + 5 },
    ]);
  });

  it('saving a room again replaces its key, and forgets its clock only when the story changes', async () => {
    const { rooms } = fresh.current;
    await saveTestRoom(rooms, 'live', 'story-a');
    await rooms.saveRoomClock('live', CLOCK_JSON, ROOM_CREATED_AT_MS + 1);
    await rooms.saveRoom({ id: 'live', scenarioId: 'story-a', keyDigest: digestOf('new key'), createdAtMs: ROOM_CREATED_AT_MS + 9 });
    expect(await rooms.getRoom('live')).toMatchObject({ keyDigest: digestOf('new key'), clockJson: CLOCK_JSON, createdAtMs: ROOM_CREATED_AT_MS });
    await rooms.saveRoom({ id: 'live', scenarioId: 'story-b', keyDigest: digestOf('new key'), createdAtMs: ROOM_CREATED_AT_MS + 9 });
    expect(await rooms.getRoom('live')).toMatchObject({ scenarioId: 'story-b', clockJson: null });
    expect(await rooms.countRooms()).toBe(1);
  });

  it('saving the clock of an unknown room reports false', async () => {
    expect(await fresh.current.rooms.saveRoomClock('nobody', CLOCK_JSON, 1)).toBe(false);
  });

  it('deleting a room deletes its deck and moments', async () => {
    const { rooms, decks, storage } = fresh.current;
    await saveTestRoom(rooms, 'room-1');
    await saveTestRoom(rooms, 'room-2');
    expect((await decks.addMoment('room-1', makeMomentInput(), {}, 1, 'm1')).ok).toBe(true);
    expect((await decks.addMoment('room-2', makeMomentInput(), {}, 1, 'm2')).ok).toBe(true);
    expect(await rooms.deleteRoom('room-1')).toBe(true);
    expect(await rooms.deleteRoom('room-1')).toBe(false);
    expect(await decks.getDeck('room-1')).toBeUndefined();
    const count = async (table: 'decks' | 'moments') =>
      Number((await storage.db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
    expect([await count('decks'), await count('moments')]).toEqual([1, 1]);
    expect((await decks.getDeck('room-2'))?.moments.map((moment) => moment.id)).toEqual(['m2']);
  });

  it.each([
    ['room.keyDigest: must be a 32-byte SHA-256 digest', { id: 'r', scenarioId: 's', keyDigest: Buffer.alloc(16), createdAtMs: 1 }],
    ['room.id: must not be empty', { id: '', scenarioId: 's', keyDigest: digestOf('k'), createdAtMs: 1 }],
    ['room.createdAtMs', { id: 'r', scenarioId: 's', keyDigest: digestOf('k'), createdAtMs: 1.5 }],
  ])('refuses a bad room: %s', async (message, room) => {
    await expect(fresh.current.rooms.saveRoom(room)).rejects.toThrow(message);
    expect(await fresh.current.rooms.listRooms()).toEqual([]);
  });

  it('refuses a clock that is not JSON', async () => {
    await saveTestRoom(fresh.current.rooms, 'room-1');
    await expect(fresh.current.rooms.saveRoomClock('room-1', '{oops', 2)).rejects.toThrow('clockJson: must be JSON text');
    expect((await fresh.current.rooms.getRoom('room-1'))?.clockJson).toBeNull();
  });

  it('saves the clocks of many rooms at once and counts the stored ones', async () => {
    const { rooms } = fresh.current;
    for (const id of ['a', 'b']) await rooms.saveRoom({ id, scenarioId: 's', keyDigest: Buffer.alloc(32), createdAtMs: 1 });
    const saved = await rooms.saveRoomClocks(
      [
        { id: 'a', clockJson: '{"positionMs":1}' },
        { id: 'b', clockJson: '{"positionMs":2}' },
        { id: 'nobody', clockJson: '{}' },
      ],
      5,
    );
    expect(saved).toBe(2);
    expect(await rooms.getRoom('b')).toMatchObject({ clockJson: '{"positionMs":2}', updatedAtMs: 5 });
  });

  it('saves no clock of a batch when one is not JSON (the table refuses it, the batch rolls back)', async () => {
    const { rooms } = fresh.current;
    for (const id of ['a', 'b']) await rooms.saveRoom({ id, scenarioId: 's', keyDigest: Buffer.alloc(32), createdAtMs: 1 });
    await expect(
      rooms.saveRoomClocks(
        [
          { id: 'a', clockJson: '{"positionMs":1}' },
          { id: 'b', clockJson: 'not json' },
        ],
        5,
      ),
    ).rejects.toThrow(engine.engine === 'sqlite' ? /clock_json/ : /json/i);
    expect(await rooms.getRoom('a')).toMatchObject({ clockJson: null, updatedAtMs: 1 });
  });

  it.each([
    ['a negative creation time', sql`UPDATE rooms SET created_at_ms = -5 WHERE id = 'room-1'`, 'corrupt rooms row "room-1": field "created_at_ms": must not be negative'],
    ['an empty story id', sql`UPDATE rooms SET scenario_id = '' WHERE id = 'room-1'`, 'corrupt rooms row "room-1": field "scenario_id"'],
  ])('reports a corrupt row by table, id and field: %s', async (_, plant, message) => {
    await saveTestRoom(fresh.current.rooms, 'room-1');
    await plant.execute(fresh.current.storage.db);
    await expect(fresh.current.rooms.listRooms()).rejects.toThrow(message);
    await expect(fresh.current.rooms.getRoom('room-1')).rejects.toThrow(message);
  });
});
