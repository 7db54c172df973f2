/** The runner as a Sitrep presenter: creates a room with POST /api/rooms and drives it over the protocol. */
import { PROTOCOL_VERSION } from '@/lib/realtime/protocolVersion';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ControlAck, ControlPayload, ServerToClientEvents } from '@/lib/realtime/protocol';
import type { ReplayClock } from '@/lib/replay/playbackMachine';

/** Generous: with thousands of clients on two busy cores an acknowledgement can take seconds. */
const CONTROL_TIMEOUT_MS = 60_000;

type PresenterSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface PresentedRoom {
  roomId: string;
  /** The room's key: another presenter connection (on another node) can control it with it. */
  presenterKey: string;
  socket: PresenterSocket;
}

async function createRoom(url: string, scenarioId: string): Promise<{ roomId: string; presenterKey: string }> {
  const response = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId }),
  });
  if (response.status !== 201) throw new Error(`POST /api/rooms answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { roomId: string; presenterKey: string };
}

async function control(socket: PresenterSocket, payload: ControlPayload): Promise<number> {
  const ack: ControlAck = await socket.timeout(CONTROL_TIMEOUT_MS).emitWithAck('replay:control', payload);
  if (!ack.ok) throw new Error(`control ${payload.type} refused: ${ack.error.code} ${ack.error.message}`);
  return ack.seq;
}

/** A presenter connection to an existing room through `url`; resolves once the room's snapshot arrived. */
export async function joinAsPresenter(url: string, roomId: string, presenterKey: string): Promise<PresentedRoom> {
  const socket: PresenterSocket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { protocol: PROTOCOL_VERSION, room: roomId, presenterKey } });
  await new Promise<void>((resolve, reject) => {
    socket.once('replay:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
  return { roomId, presenterKey, socket };
}

/** A new room of `scenarioId`, its presenter connected, set to `storySecondsPerSecond` and still paused. */
export async function openPresentedRoom(url: string, scenarioId: string, storySecondsPerSecond: number): Promise<PresentedRoom> {
  const { roomId, presenterKey } = await createRoom(url, scenarioId);
  const room = await joinAsPresenter(url, roomId, presenterKey);
  await control(room.socket, { type: 'rate', storySecondsPerSecond });
  return room;
}

/** Plays the room; resolves with the clock the room broadcast and the seq of the play message. */
export async function play(room: PresentedRoom): Promise<{ clock: ReplayClock; playSeq: number }> {
  const broadcast = new Promise<ReplayClock>((resolve) => {
    const onClock = (payload: { clock: ReplayClock }) => {
      if (payload.clock.status !== 'playing') return;
      room.socket.off('replay:clock', onClock);
      resolve(payload.clock);
    };
    room.socket.on('replay:clock', onClock);
  });
  const playSeq = await control(room.socket, { type: 'play' });
  return { clock: await broadcast, playSeq };
}

/** Pauses the room (the stream stops; clients get one more numbered clock message). */
export async function pause(room: PresentedRoom): Promise<void> {
  await control(room.socket, { type: 'pause' });
}
