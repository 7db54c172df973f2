/**
 * The scrub and step parts' set-up: the real Sitrep server and the bare Socket.IO server (bench/fanout's server
 * processes), a Sitrep room with its presenter, N viewers on each server (bench/fanout's client fleets), and the
 * alternation of measured windows between the two.
 */
import type { ControlPayload, JumpPayload } from '@/lib/realtime/protocol';
import { alternatingOrder } from '../core/alternation';
import type { BenchContext } from '../core/benchResult';
import { ClientFleet } from '../fanout/clientFleet';
import { measuredReplySchema, type ServerMeasurement } from '../fanout/serverProbe';
import { startBareProcess, startSitrepProcess, type ServerProcess } from '../fanout/streamServers';
import { BenchPresenter, createRoom } from '../ui/presenterSocket';
import { BareRelay, broadcastPayloads, presenterSender } from './jumpSenders';
import { measureJumpWindow, type JumpCadence, type JumpWindowResult } from './jumpWindow';

/** After the last viewer joined: lets Sitrep's coalesced presence broadcast (at most one a second) go out first. */
const SETTLE_WALL_MS = 2_000;
/**
 * The server's per-socket control limit (10 a second by default) is a fixed one-second window. Seeks sent 111 ms
 * apart can reach a loaded server bunched, 11 inside one window, and the 11th is refused (seen at load average 7);
 * the limit guards against abuse and is no part of what is measured, so it is raised here, as part 3 does.
 */
const CONTROLS_PER_SECOND = '50';
const PROBE_TIMEOUT_MS = 30_000;

export interface JumpServers {
  sitrep: ServerProcess;
  bare: ServerProcess;
  relay: BareRelay;
  /** Each server's CPU, event-loop delay and GC pauses over all its measured windows so far. */
  measured(): Promise<{ sitrep: ServerMeasurement; bare: ServerMeasurement }>;
  stop(): Promise<void>;
}

export interface RoomUnderTest {
  presenter: BenchPresenter;
  sitrepViewers: ClientFleet;
  bareViewers: ClientFleet;
  close(): Promise<void>;
}

export interface RoundPair {
  sitrep: JumpWindowResult;
  bare: JumpWindowResult;
}

/** Both servers, each in its own process: Sitrep serving the stories of `eventsDir`. */
export async function startJumpServers(context: BenchContext, eventsDir: string, bareStoryFolder: string): Promise<JumpServers> {
  const [sitrep, bare] = await Promise.all([startSitrepProcess(eventsDir, context.repoRoot, context.workDir, { SITREP_CONTROLS_PER_SECOND: CONTROLS_PER_SECOND }), startBareProcess(bareStoryFolder)]);
  const relay = await BareRelay.connect(bare.url);
  return {
    sitrep,
    bare,
    relay,
    async measured() {
      const [sitrepFigures, bareFigures] = await Promise.all(
        [sitrep, bare].map((server) => server.child.request({ type: 'measured' }, measuredReplySchema, PROBE_TIMEOUT_MS)),
      );
      return { sitrep: sitrepFigures as ServerMeasurement, bare: bareFigures as ServerMeasurement };
    },
    async stop() {
      relay.close();
      await Promise.all([sitrep.child.stop(), bare.child.stop()]);
    },
  };
}

/** A new Sitrep room of `scenarioId` (POST /api/rooms) with its presenter, and `viewers` viewers on each server. */
export async function openRoomWithViewers(servers: JumpServers, scenarioId: string, viewers: number): Promise<RoomUnderTest> {
  const room = await createRoom(servers.sitrep.url, scenarioId);
  const presenter = await BenchPresenter.connect(servers.sitrep.url, room);
  const fleets: ClientFleet[] = [];
  try {
    fleets.push(await ClientFleet.connect({ kind: 'sitrep', url: servers.sitrep.url, room: room.roomId }, viewers));
    fleets.push(await ClientFleet.connect({ kind: 'bare', url: servers.bare.url, room: null }, viewers));
  } catch (error) {
    presenter.close();
    await Promise.all(fleets.map((fleet) => fleet.stop()));
    throw error;
  }
  await new Promise((resolve) => setTimeout(resolve, SETTLE_WALL_MS));
  const [sitrepViewers, bareViewers] = fleets as [ClientFleet, ClientFleet];
  return {
    presenter,
    sitrepViewers,
    bareViewers,
    async close() {
      presenter.close();
      await Promise.all(fleets.map((fleet) => fleet.stop()));
    },
  };
}

/**
 * `rounds` rounds of one Sitrep window and one bare window, Sitrep leading in the first round (its broadcasts are
 * what the bare server relays: the payloads of the latest Sitrep window, byte for byte, at the same cadence).
 */
export async function alternateWindows(
  servers: JumpServers,
  room: RoomUnderTest,
  rounds: number,
  cadence: JumpCadence,
  commandAt: (index: number) => ControlPayload,
): Promise<RoundPair[]> {
  const pairs: RoundPair[] = [];
  let payloads: JumpPayload[] = [];
  for (let round = 0; round < rounds; round++) {
    const pair: Partial<RoundPair> = {};
    for (const kind of alternatingOrder(round, 'sitrep' as const, 'bare' as const)) {
      if (kind === 'sitrep') {
        pair.sitrep = await measureJumpWindow(room.sitrepViewers, servers.sitrep.child, presenterSender(room.presenter, commandAt), cadence);
        payloads = broadcastPayloads(
          room.presenter,
          pair.sitrep.sent.map((jump) => jump.seq),
        );
      } else {
        pair.bare = await measureJumpWindow(room.bareViewers, servers.bare.child, servers.relay.sender(payloads), cadence);
      }
    }
    pairs.push(pair as RoundPair);
  }
  return pairs;
}
