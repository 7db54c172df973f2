import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeMomentInput } from '../decks/momentFixtures';
import { digestOf, openStores, ROOM_CREATED_AT_MS, saveTestRoom, type Stores } from './fixtures/stores';
import { makeTempDataDir } from './fixtures/tempDataDir';

let temp: ReturnType<typeof makeTempDataDir>;
let stores: Stores;
beforeEach(() => {
  temp = makeTempDataDir();
  stores = openStores(temp.dir);
});
afterEach(() => {
  stores.database.close();
  temp.remove();
});

const CLOCK_JSON = JSON.stringify({ status: 'paused', positionMs: 1_745_000_000_000 });

describe('roomStore', () => {
  it('lists saved rooms oldest first, with the key digest as a Buffer', () => {
    stores.rooms.saveRoom({ id: 'later', scenarioId: 'story-b', keyDigest: digestOf('b'), createdAtMs: 20 });
    stores.rooms.saveRoom({ id: 'earlier', scenarioId: 'story-a', keyDigest: digestOf('a'), createdAtMs: 10 });
    const rooms = stores.rooms.listRooms();
    expect(rooms.map((room) => room.id)).toEqual(['earlier', 'later']);
    expect(rooms[0]).toEqual({ id: 'earlier', scenarioId: 'story-a', keyDigest: digestOf('a'), createdAtMs: 10, clockJson: null, updatedAtMs: 10 });
    expect(Buffer.isBuffer(rooms[0]?.keyDigest)).toBe(true);
  });

  it('keeps rooms and their clocks across a restart', () => {
    saveTestRoom(stores.rooms, 'room-1');
    expect(stores.rooms.saveRoomClock('room-1', CLOCK_JSON, ROOM_CREATED_AT_MS + 5)).toBe(true);
    stores.database.close();
    stores = openStores(temp.dir);
    expect(stores.rooms.listRooms()).toEqual([
      { id: 'room-1', scenarioId: '2025-04-putin-trump', keyDigest: digestOf('key-room-1'), createdAtMs: ROOM_CREATED_AT_MS, clockJson: CLOCK_JSON, updatedAtMs: ROOM_CREATED_AT_MS + 5 },
    ]);
  });

  it('saving a room again replaces its key, and forgets its clock only when the story changes', () => {
    saveTestRoom(stores.rooms, 'live', 'story-a');
    stores.rooms.saveRoomClock('live', CLOCK_JSON, ROOM_CREATED_AT_MS + 1);
    stores.rooms.saveRoom({ id: 'live', scenarioId: 'story-a', keyDigest: digestOf('new key'), createdAtMs: ROOM_CREATED_AT_MS + 9 });
    expect(stores.rooms.listRooms()[0]).toMatchObject({ keyDigest: digestOf('new key'), clockJson: CLOCK_JSON, createdAtMs: ROOM_CREATED_AT_MS });
    stores.rooms.saveRoom({ id: 'live', scenarioId: 'story-b', keyDigest: digestOf('new key'), createdAtMs: ROOM_CREATED_AT_MS + 9 });
    expect(stores.rooms.listRooms()[0]).toMatchObject({ scenarioId: 'story-b', clockJson: null });
  });

  it('saving the clock of an unknown room reports false', () => {
    expect(stores.rooms.saveRoomClock('nobody', CLOCK_JSON, 1)).toBe(false);
  });

  it('deleting a room deletes its deck and moments', () => {
    saveTestRoom(stores.rooms, 'room-1');
    expect(stores.decks.addMoment('room-1', makeMomentInput(), {}, 1, 'm1').ok).toBe(true);
    expect(stores.rooms.deleteRoom('room-1')).toBe(true);
    expect(stores.rooms.deleteRoom('room-1')).toBe(false);
    expect(stores.decks.getDeck('room-1')).toBeUndefined();
    const count = (table: string) => stores.database.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n;
    expect([count('decks'), count('moments')]).toEqual([0, 0]);
  });

  it.each([
    ['room.keyDigest: must be a 32-byte SHA-256 digest', { id: 'r', scenarioId: 's', keyDigest: Buffer.alloc(16), createdAtMs: 1 }],
    ['room.id: must not be empty', { id: '', scenarioId: 's', keyDigest: digestOf('k'), createdAtMs: 1 }],
    ['room.createdAtMs', { id: 'r', scenarioId: 's', keyDigest: digestOf('k'), createdAtMs: 1.5 }],
  ])('refuses a bad room: %s', (message, room) => {
    expect(() => stores.rooms.saveRoom(room)).toThrow(message);
    expect(stores.rooms.listRooms()).toEqual([]);
  });

  it('refuses a clock that is not JSON', () => {
    saveTestRoom(stores.rooms, 'room-1');
    expect(() => stores.rooms.saveRoomClock('room-1', '{oops', 2)).toThrow('clockJson: must be JSON text');
  });

  it('reports a corrupt row by table, id and field', () => {
    saveTestRoom(stores.rooms, 'room-1');
    stores.database.db.prepare('UPDATE rooms SET created_at_ms = -5 WHERE id = ?').run('room-1');
    expect(() => stores.rooms.listRooms()).toThrow('corrupt rooms row "room-1": field "created_at_ms": must not be negative');
  });
});
