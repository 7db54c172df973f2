import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedRoom } from '@/lib/realtime/server/servedRoom';
import { joinRoom, type ReplayClient } from '../helpers/replayClient';
import { createRoom, type CreatedRoom } from '../helpers/replayServer';
import { STORY_FOLDER, STORY_ID } from '../helpers/replayStory';
import { makeEventsDir, startTestServer, type TestServer } from '../helpers/startTestServer';

/**
 * A screen that could not be let in because the server could not read the room's state (a cluster's Redis or
 * database away) comes in on its own once the state can be read: it is never left "reconnecting" for good.
 */
describe('a screen refused for a passing failure comes back by itself', () => {
  const eventsDir = makeEventsDir([STORY_FOLDER]);
  let server: TestServer;
  let room: CreatedRoom;
  const clients: ReplayClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ eventsDir: eventsDir.dir });
    room = await createRoom(server, STORY_ID);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    eventsDir.remove();
  });

  it('retries a handshake answered `internal` until it is let in', async () => {
    const rooms = server.realtime.rooms;
    const resolve = rooms.resolve.bind(rooms);
    let failures = 2;
    rooms.resolve = async (roomId: string) => {
      if (roomId === room.roomId && failures > 0) {
        failures--;
        throw new Error('shared state away');
      }
      return resolve(roomId);
    };
    try {
      const client = await joinRoom(server.url, { room: room.roomId });
      clients.push(client);
      expect(client.connectErrors.map((error) => error.message)).toEqual(['internal', 'internal']);
      expect(client.snapshots).toHaveLength(1);
    } finally {
      rooms.resolve = resolve;
    }
  });

  it('reconnects after a join the server could not complete (it closes the transport, not the session)', async () => {
    const served = server.realtime.rooms.get(room.roomId) as ServedRoom;
    const standing = served.standing.bind(served);
    let failures = 1;
    served.standing = () => {
      if (failures > 0) {
        failures--;
        throw new Error('shared state away');
      }
      return standing();
    };
    try {
      const client = await joinRoom(server.url, { room: room.roomId, reconnect: true });
      clients.push(client);
      expect(client.connections).toBe(2);
      expect(client.snapshots).toHaveLength(1);
    } finally {
      served.standing = standing;
    }
  });
});
