import type { StoryEvent } from '@/lib/events/schema';
import type { ReplayRoom } from '@/lib/realtime/server/replayRoom';
import { playheadAt, type ReplayClock } from '@/lib/replay/playbackMachine';
import { buildSchedule, releasedCountAt, type Schedule } from '@/lib/replay/schedule';
import { WAIT_MS, type ReplayClient } from './replayClient';
import type { TestServer } from './startTestServer';

/** The article's story (events/), for the tests that are about it. */
export const ARTICLE_ID = '2025-04-putin-trump';

/** The room as the server holds it (the test server runs in the test's process). */
export function serverRoom(server: TestServer, roomId: string): ReplayRoom {
  const room = server.realtime.rooms.owned(roomId);
  if (!room) throw new Error(`no room ${roomId} on the server`);
  return room;
}

export interface CreatedRoom {
  roomId: string;
  presenterKey: string;
  scenarioId: string;
}

/** `POST /api/rooms`. */
export async function createRoom(server: Pick<TestServer, 'url'>, scenarioId: string): Promise<CreatedRoom> {
  const response = await fetch(`${server.url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId }),
  });
  if (response.status !== 201) throw new Error(`POST /api/rooms answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as CreatedRoom;
}

/** The story's events from `GET /api/scenarios/:id`, scheduled with lib/replay. */
export async function fetchSchedule(server: Pick<TestServer, 'url'>, scenarioId: string): Promise<Schedule> {
  const response = await fetch(`${server.url}/api/scenarios/${scenarioId}`);
  if (response.status !== 200) throw new Error(`GET /api/scenarios/${scenarioId} answered ${response.status}`);
  const body = (await response.json()) as { events: StoryEvent[] };
  return buildSchedule(body.events);
}

/** Ids of the events whose anchor is at or before the playhead of `clock` at wall time `nowMs`. */
export function expectedEventIds(schedule: Schedule, clock: ReplayClock, nowMs: number): string[] {
  const playhead = playheadAt(clock, schedule, nowMs);
  return schedule.events.slice(0, releasedCountAt(schedule, playhead)).map((e) => e.id);
}

/** Resolves once the server no longer holds a socket with this id (its disconnect has been processed). */
export function serverSocketGone(server: TestServer, socketId: string | undefined, timeoutMs = WAIT_MS): Promise<void> {
  const socket = socketId === undefined ? undefined : server.realtime.io.of('/').sockets.get(socketId);
  if (!socket) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server socket ${socketId} still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Cuts the client's connection as a network failure would, and waits until the server has let go of it too. */
export async function cutConnection(server: TestServer, client: ReplayClient): Promise<void> {
  const id = client.socket.id;
  const disconnects = client.disconnectReasons.length;
  client.dropConnection();
  await client.waitForDisconnect(disconnects + 1);
  await serverSocketGone(server, id);
  if (client.socket.connected) throw new Error('the client is still connected after the cut');
}

/** Reconnects (auth sends the client's lastSeq and epoch) and waits until it has caught up with the room's seq. */
export async function reconnect(client: ReplayClient, roomSeq: number): Promise<void> {
  const connections = client.connections;
  client.connect();
  await client.waitForConnections(connections + 1);
  await client.waitForSeq(roomSeq);
}

/** `GET /api/health` status. */
export async function healthStatus(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/api/health`);
  await response.arrayBuffer();
  return response.status;
}
