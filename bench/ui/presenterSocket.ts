/** A presenter driving a room from the bench process over the protocol (socket.io-client), as a presenter's screen would. */
import { PROTOCOL_VERSION } from '@/lib/realtime/protocolVersion';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ControlAck, ControlPayload, ServerToClientEvents } from '@/lib/realtime/protocol';
import type { ReplayClock } from '@/lib/replay/playbackMachine';
import type { JumpPayload } from '@/lib/realtime/protocol';

const CONTROL_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 60_000;

type Connection = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface BenchRoom {
  roomId: string;
  presenterKey: string;
}

/** `POST /api/rooms`: a new room of the story, paused at its first event. */
export async function createRoom(url: string, scenarioId: string): Promise<BenchRoom> {
  const response = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenarioId }),
  });
  if (response.status !== 201) throw new Error(`POST /api/rooms answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as BenchRoom;
}

export class BenchPresenter {
  /** `replay:event` messages this presenter received: what the room released. */
  releasedEvents = 0;
  /** Every `replay:jump` the room broadcast (seeks and steps), by seq. */
  readonly jumps = new Map<number, JumpPayload>();

  private constructor(
    private readonly socket: Connection,
    /** The room's clock as last broadcast. */
    public clock: ReplayClock,
  ) {
    socket.on('replay:snapshot', (payload) => (this.clock = payload.clock));
    socket.on('replay:clock', (payload) => (this.clock = payload.clock));
    socket.on('replay:event', () => (this.releasedEvents += 1));
    socket.on('replay:jump', (payload) => {
      this.jumps.set(payload.seq, payload);
      this.clock = payload.clock;
    });
  }

  static async connect(url: string, room: BenchRoom): Promise<BenchPresenter> {
    const socket: Connection = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      auth: { protocol: PROTOCOL_VERSION, room: room.roomId, presenterKey: room.presenterKey },
    });
    const clock = await new Promise<ReplayClock>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the presenter got no snapshot')), CONNECT_TIMEOUT_MS);
      socket.once('replay:snapshot', (payload) => {
        clearTimeout(timer);
        resolve(payload.clock);
      });
      socket.once('connect_error', reject);
    });
    return new BenchPresenter(socket, clock);
  }

  async control(payload: ControlPayload): Promise<number> {
    const ack: ControlAck = await this.socket.timeout(CONTROL_TIMEOUT_MS).emitWithAck('replay:control', payload);
    if (!ack.ok) throw new Error(`control ${payload.type} refused: ${ack.error.code} ${ack.error.message}`);
    return ack.seq;
  }

  seek(storyMs: number): Promise<number> {
    return this.control({ type: 'seek', to: new Date(storyMs).toISOString() });
  }

  close(): void {
    this.socket.disconnect();
  }
}
