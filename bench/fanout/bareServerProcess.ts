/**
 * Child process: the baseline (env BENCH_STORY_FOLDER). A plain `new Server(httpServer)` with every client in one
 * room, broadcasting the same `replay:event` payloads ({ seq, event }, the events as Sitrep's loader reads them) at
 * the same instants, scheduled with lib/replay from the same story and rate, with a plain setTimeout chain. Like a
 * Sitrep room it can be halted and played again from where it stood. For the scrub and step parts a client can ask
 * it to relay a `replay:jump` payload to the room (`bench:relay`): a plain broadcast of that message, acknowledged
 * after it is sent, as Sitrep acknowledges a control after broadcasting its result.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { StoryEvent } from '@/lib/events/schema';
import type { ServerToClientEvents } from '@/lib/realtime/protocol';
import { sendToParent, serveParent } from '../core/parentLink';
import { loadStory, plannedReleases } from '../core/releasePlan';
import { releaseAtInstants, type ReleaseTimer } from '../core/timeoutScheduler';
import type { BareRelayEvents } from '../jumps/jumpMessages';
import { BARE_ROOM, barePlayCommandSchema, type BarePlayCommand } from './fanoutMessages';
import { probeCommandSchema, ServerProbe } from './serverProbe';

const commandSchema = z.union([probeCommandSchema, z.object({ type: z.enum(['halt', 'close']) }), barePlayCommandSchema]);

const storyFolder = process.env.BENCH_STORY_FOLDER;
if (!storyFolder) throw new Error('BENCH_STORY_FOLDER is not set');
const { schedule } = await loadStory(storyFolder);

const httpServer = createServer();
const io = new Server<BareRelayEvents, ServerToClientEvents>(httpServer);
io.on('connection', (socket) => {
  void socket.join(BARE_ROOM);
  socket.on('bench:relay', (payload, ack) => {
    io.to(BARE_ROOM).emit('replay:jump', payload);
    ack();
  });
});
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
const probe = new ServerProbe();

/** Where the replay stands, as wall time played since the story's start, and the seq of the next payload. */
let playedWallMs = 0;
let nextSeq = 0;
let playing: { timer: ReleaseTimer; startAtMs: number } | undefined;

function play(command: BarePlayCommand): void {
  const rate = { storySecondsPerSecond: command.storySecondsPerSecond, maxGapWallMs: command.maxGapWallMs };
  if (nextSeq === 0) nextSeq = command.firstEventSeq;
  const items = plannedReleases(schedule, rate, schedule.startMs)
    .filter((release) => release.offsetMs > playedWallMs)
    .map((release) => ({ atMs: command.startAtMs + release.offsetMs - playedWallMs, item: schedule.events[release.index] as StoryEvent }));
  const timer = releaseAtInstants(items, (event) => io.to(BARE_ROOM).emit('replay:event', { seq: nextSeq++, event }));
  playing = { timer, startAtMs: command.startAtMs };
  sendToParent({ type: 'playing', fromWallMs: playedWallMs });
}

function halt(): void {
  if (!playing) return;
  const nowMs = Date.now();
  playing.timer.stop();
  playedWallMs += Math.max(0, nowMs - playing.startAtMs);
  playing = undefined;
}

serveParent(commandSchema, async (command) => {
  switch (command.type) {
    case 'play':
      halt();
      play(command);
      return;
    case 'halt':
      halt();
      sendToParent({ type: 'halted' });
      return;
    case 'close':
      halt();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      process.exit(0);
      return;
    default:
      probe.handle(command);
  }
});
sendToParent({ type: 'ready', url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` });
