/**
 * Screens for the restart storm (tests/integration/restartStorm.test.ts, bench/restart): each is the app's own
 * connection (ReplayConnection over createSocket, reconnecting on its own) to one room, recording when the server
 * announced its restart, when the screen lost the server, and when it came back live.
 */
import type { ManagerOptions } from 'socket.io-client';
import type { ConnectionInfo, RoomReplayState, SocketLike } from '@/lib/realtime/client/connectionTypes';
import { createSocket } from '@/lib/realtime/client/createSocket';
import { ReplayConnection } from '@/lib/realtime/client/replayConnection';
import { runWithLimit } from '../core/inFlight';

/** Handshakes in flight at once while the screens first join: enough for thousands in seconds without a storm. */
const JOINS_IN_FLIGHT = 50;
const JOIN_TIMEOUT_MS = 30_000;

export interface ScreenFleetOptions {
  url: string;
  room: string;
  count: number;
  /**
   * Without jitter (the baseline): the restart notice is ignored and Socket.IO's reconnection runs unrandomized, so
   * every screen reconnects at once when the server closes and retries in step.
   */
  jitter: boolean;
}

interface Screen {
  connection: ReplayConnection;
  state: RoomReplayState | undefined;
  noticeAtMs: number | undefined;
  lostAtMs: number | undefined;
  backAtMs: number | undefined;
  /** When it first held a state of the room's new epoch after the restart. */
  syncedAtMs: number | undefined;
}

/** Where a screen stands: the room's epoch, seq and clock position as it last folded them. */
export interface ScreenStanding {
  epoch: string;
  seq: number;
  positionMs: number;
}

/** The socket of a screen that does nothing special on a restart notice (the baseline). */
function ignoringRestartNotice(socket: SocketLike): SocketLike {
  return {
    get connected() {
      return socket.connected;
    },
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
    on: socket.on.bind(socket) as SocketLike['on'],
    request: (event, payload, timeoutMs) => socket.request(event, payload, timeoutMs),
    reconnectAfterClose: () => undefined,
  };
}

export class ScreenFleet {
  private readonly screens: Screen[] = [];
  private changed: () => void = () => undefined;

  private constructor(private readonly options: ScreenFleetOptions) {}

  /** Opens `count` screens and resolves once every one holds the room's state. */
  static async open(options: ScreenFleetOptions): Promise<ScreenFleet> {
    const fleet = new ScreenFleet(options);
    await runWithLimit(options.count, JOINS_IN_FLIGHT, () => fleet.openOne());
    return fleet;
  }

  private openOne(): Promise<void> {
    const overrides: Partial<ManagerOptions> = { forceNew: true, ...(!this.options.jitter && { randomizationFactor: 0 }) };
    const screen: Screen = { connection: undefined as unknown as ReplayConnection, state: undefined, noticeAtMs: undefined, lostAtMs: undefined, backAtMs: undefined, syncedAtMs: undefined };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`a screen did not join within ${JOIN_TIMEOUT_MS} ms`)), JOIN_TIMEOUT_MS);
      screen.connection = new ReplayConnection(
        this.options.room,
        undefined,
        (auth) => (this.options.jitter ? createSocket(auth, this.options.url, overrides) : ignoringRestartNotice(createSocket(auth, this.options.url, overrides))),
        {
          state: (state) => {
            if (!screen.state) {
              clearTimeout(timer);
              resolve();
            }
            if (screen.backAtMs !== undefined && screen.syncedAtMs === undefined && state.epoch !== screen.state?.epoch) screen.syncedAtMs = Date.now();
            screen.state = state;
            this.changed();
          },
          info: (info) => this.onInfo(screen, info),
        },
        () => Date.now(),
      );
      this.screens.push(screen);
    });
  }

  private onInfo(screen: Screen, info: ConnectionInfo): void {
    const now = Date.now();
    if (info.serverRestarting) screen.noticeAtMs ??= now;
    if (screen.noticeAtMs !== undefined && screen.lostAtMs === undefined && info.status !== 'live') screen.lostAtMs = now;
    if (screen.lostAtMs !== undefined && screen.backAtMs === undefined && info.status === 'live') screen.backAtMs = now;
    this.changed();
  }

  get count(): number {
    return this.screens.length;
  }

  /** Screens told that the server is restarting. */
  get noticed(): number {
    return this.screens.filter((s) => s.noticeAtMs !== undefined).length;
  }

  /** When each screen that came back after the restart did (Date.now()), in no particular order. */
  get backAtMs(): number[] {
    return this.screens.flatMap((s) => (s.backAtMs === undefined ? [] : [s.backAtMs]));
  }

  /** When each screen that came back held the room's new state (Date.now()), in no particular order. */
  get syncedAtMs(): number[] {
    return this.screens.flatMap((s) => (s.syncedAtMs === undefined ? [] : [s.syncedAtMs]));
  }

  /** The first notice of a restart any screen got (Date.now()). */
  get firstNoticeAtMs(): number | undefined {
    const notices = this.screens.flatMap((s) => (s.noticeAtMs === undefined ? [] : [s.noticeAtMs]));
    return notices.length > 0 ? Math.min(...notices) : undefined;
  }

  /** Where each screen stands. */
  standings(): (ScreenStanding | undefined)[] {
    return this.screens.map(({ state }) => state && { epoch: state.epoch, seq: state.seq, positionMs: state.clock.positionMs });
  }

  /** Resolves once `check()` holds, checked after every change of any screen; rejects after `timeoutMs`. */
  waitFor(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.changed = () => undefined;
        reject(new Error(`screens: not ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.changed = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.changed = () => undefined;
        resolve();
      };
    });
  }

  /** Resolves once every screen is back after the restart and holds a state of the room's new epoch. */
  allBack(epochBefore: string, timeoutMs: number): Promise<void> {
    return this.waitFor(
      () => this.screens.every((s) => s.syncedAtMs !== undefined && s.state !== undefined && s.state.epoch !== epochBefore),
      'all back on a new epoch',
      timeoutMs,
    );
  }

  close(): void {
    for (const screen of this.screens) screen.connection.close();
  }
}

/** The most screens that came back within any one of the consecutive `bucketMs` buckets from the first arrival. */
export function peakPerBucket(arrivalsMs: readonly number[], bucketMs: number): number {
  if (arrivalsMs.length === 0) return 0;
  const first = Math.min(...arrivalsMs);
  const buckets = new Map<number, number>();
  for (const at of arrivalsMs) {
    const bucket = Math.floor((at - first) / bucketMs);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  return Math.max(...buckets.values());
}
