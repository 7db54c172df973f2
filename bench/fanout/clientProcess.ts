/**
 * Child process: `count` socket.io-client connections (websocket transport, one connection each, no
 * reconnection) to one room, recording the arrival time of every numbered message with Date.now(), and the
 * WebSocket frames and bytes all of them receive (for the scrub and step parts' windows).
 */
import { PROTOCOL_VERSION } from '@/lib/realtime/protocolVersion';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/protocol';
import { CpuMeter } from '../core/cpuMeter';
import { sendToParent, serveParent } from '../core/parentLink';
import { concatFloat64 } from '../core/stats';
import { emptyJumpReceipts, jumpDeliveryOf, type JumpReceipts } from '../jumps/jumpDelivery';
import { jumpReportCommandSchema, jumpWindowCommandSchema, type JumpReportCommand } from '../jumps/jumpMessages';
import { WireTally } from '../jumps/wireBytes';
import { deliveryOf, emptyReceipts, type ClientReceipts } from './deliveryStats';
import { connectCommandSchema, reportCommandSchema, type ConnectCommand, type ReportCommand } from './fanoutMessages';

/** Handshakes in flight at once per process: enough to connect thousands in seconds without a connection storm. */
const CONNECTS_IN_FLIGHT = 50;
const CONNECT_TIMEOUT_MS = 20_000;
/** Before reporting (the stream is halted by then): the backlog is delivered once nothing arrived for this long. */
const QUIET_WALL_MS = 1_000;
const MAX_BACKLOG_WAIT_MS = 60_000;
const BACKLOG_POLL_MS = 100;

type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
interface TrackedClient {
  socket: BenchSocket;
  receipts: ClientReceipts;
  jumps: JumpReceipts;
  disconnected: boolean;
}

const clients: TrackedClient[] = [];
let lastReceiptMs = Date.now();
/** CPU of this process over its server's measured windows, to show whether the clients kept up. */
const cpu = new CpuMeter();
/** Every WebSocket frame any client of this process received since the last `jumps:open`. */
const wire = new WireTally();

/** Resolves once the client is in the room: Sitrep's join snapshot arrived, or the bare server accepted it. */
function connectOne(url: string, room: string | null): Promise<TrackedClient> {
  const socket: BenchSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
    auth: room === null ? {} : { protocol: PROTOCOL_VERSION, room },
  });
  const client: TrackedClient = { socket, receipts: emptyReceipts(), jumps: emptyJumpReceipts(), disconnected: false };
  const { receipts } = client;
  // The manager opened its Engine.IO socket synchronously: every frame, as it arrives, before Socket.IO decodes it.
  socket.io.engine.on('packet', (packet) => {
    lastReceiptMs = Date.now();
    wire.add(packet);
  });
  socket.on('replay:event', (payload) => {
    lastReceiptMs = Date.now();
    receipts.seqs.push(payload.seq);
    receipts.eventIds.push(payload.event.id);
    receipts.eventReceivedMs.push(lastReceiptMs);
  });
  socket.on('replay:clock', (payload) => {
    lastReceiptMs = Date.now();
    receipts.seqs.push(payload.seq);
  });
  socket.on('replay:jump', (payload) => {
    lastReceiptMs = Date.now();
    receipts.seqs.push(payload.seq);
    client.jumps.seqs.push(payload.seq);
    client.jumps.receivedMs.push(lastReceiptMs);
  });
  socket.on('disconnect', () => {
    client.disconnected = true;
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => reject(error));
    if (room === null) {
      socket.once('connect', () => resolve(client));
      return;
    }
    socket.once('replay:snapshot', (snapshot) => {
      receipts.snapshotSeq = snapshot.seq;
      resolve(client);
    });
  });
}

async function connectAll(command: ConnectCommand): Promise<void> {
  let started = 0;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    while (started < command.count) {
      started++;
      try {
        clients.push(await connectOne(command.url, command.room));
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONNECTS_IN_FLIGHT, command.count) }, worker));
  sendToParent({ type: 'connected', connected: clients.length, failed, firstError });
}

/** Late messages still on their way count as late, not lost: waits until the halted stream has gone quiet. */
async function backlogDelivered(): Promise<void> {
  const giveUpAtMs = Date.now() + MAX_BACKLOG_WAIT_MS;
  while (Date.now() - lastReceiptMs < QUIET_WALL_MS && Date.now() < giveUpAtMs) {
    await new Promise((resolve) => setTimeout(resolve, BACKLOG_POLL_MS));
  }
}

function report(command: ReportCommand): void {
  const expected = new Map(command.eventIds.map((id, i) => [id, command.scheduledMs[i] as number]));
  const latencies: Float64Array[] = [];
  const totals = { lost: 0, duplicated: 0, clientsWithLoss: 0, clientsWithDuplicates: 0, disconnected: 0 };
  for (const client of clients) {
    const delivery = deliveryOf(client.receipts, expected);
    latencies.push(Float64Array.from(delivery.latenciesMs));
    totals.lost += delivery.lost;
    totals.duplicated += delivery.duplicated;
    if (delivery.lost > 0) totals.clientsWithLoss++;
    if (delivery.duplicated > 0) totals.clientsWithDuplicates++;
    if (client.disconnected) totals.disconnected++;
  }
  sendToParent({ type: 'report', latenciesMs: concatFloat64(latencies), cpuPercentOfCore: cpu.percentOfCore(), ...totals });
}

function openJumpWindow(): void {
  for (const client of clients) client.jumps = emptyJumpReceipts();
  wire.reset();
  sendToParent({ type: 'jumps:opened' });
}

function reportJumps(command: JumpReportCommand): void {
  const sent = new Map(command.seqs.map((seq, i) => [seq, command.sentMs[i] as number]));
  const latencies: Float64Array[] = [];
  let missing = 0;
  for (const client of clients) {
    const delivery = jumpDeliveryOf(client.jumps, sent);
    latencies.push(Float64Array.from(delivery.latenciesMs));
    missing += delivery.missing;
  }
  const disconnected = clients.filter((client) => client.disconnected).length;
  sendToParent({ type: 'jumps:report', latenciesMs: concatFloat64(latencies), missing, frames: wire.frames, bytes: wire.bytes, clients: clients.length, disconnected });
}

const commandSchema = z.union([
  connectCommandSchema,
  reportCommandSchema,
  jumpWindowCommandSchema,
  jumpReportCommandSchema,
  z.object({ type: z.enum(['window:open', 'window:close', 'quiet', 'close']) }),
]);

serveParent(commandSchema, async (command) => {
  switch (command.type) {
    case 'connect':
      await connectAll(command);
      return;
    case 'quiet':
      await backlogDelivered();
      sendToParent({ type: 'quiet' });
      return;
    case 'window:open':
      cpu.start();
      return;
    case 'window:close':
      cpu.stop();
      return;
    case 'report':
      report(command);
      return;
    case 'jumps:open':
      openJumpWindow();
      return;
    case 'jumps:report':
      reportJumps(command);
      return;
    case 'close':
      for (const client of clients) client.socket.disconnect();
      process.exit(0);
  }
});
